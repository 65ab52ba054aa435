/**
 * French formatting of what the storefront shows: prices, quantities, percentages, carbon.
 * Money stays in integer cents: formatting and parsing never go through floating point.
 */

// Money, quantities, carbon and dates are written by the contracts' formatter (zod-free, so
// pages can import it), which the cms' error messages and emails use too.
import { formatDate as formatDateIn, formatDateTime as formatDateTimeIn } from '@ventalis/contracts/format';

export {
  formatCo2e,
  formatCo2eGrams,
  formatDecimal,
  formatEuros,
  formatInteger,
  formatPercent,
  formatUnits,
  THOUSANDS_SEPARATOR,
  UNIT_SEPARATOR,
} from '@ventalis/contracts/format';

/** "2026-11-24T13:05:00Z" → "24 Nov 2026" (Paris time). */
export const formatDate = (iso: string) => formatDateIn(iso, 'en');
/** "2026-11-24T13:05:00Z" → "24 Nov 2026, 14:05" (Paris time). */
export const formatDateTime = (iso: string) => formatDateTimeIn(iso, 'en');

const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** ISO 3166 code → English name ("FR" → "France"); the code itself when unknown. */
export function countryName(code: string): string {
  try {
    return countryNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/**
 * What a person types as an amount in euros ("12", "12,5", "1 234,56", "12.50 €") → cents;
 * null when it is not an amount with at most two decimals.
 */
export function parseEurosToCents(input: string): number | null {
  const text = input.replace(/[\s\u00a0\u202f€]/g, '');
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const [, euros, decimals = ''] = match;
  return Number(euros) * 100 + Number(decimals.padEnd(2, '0'));
}

/** Cents → what a euro input shows back: 1250 → "12,50"; 1200 → "12". */
export function centsToEurosInput(cents: number): string {
  const euros = Math.trunc(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(euros) : `${euros},${String(rest).padStart(2, '0')}`;
}
