/**
 * French formatting of what the storefront shows: prices, quantities, percentages, carbon.
 * Money stays in integer cents: formatting and parsing never go through floating point.
 */

// Money and quantities are written by the contracts' formatter (zod-free, so pages can import
// it), which the cms' error messages and emails use too.
import { formatEuros, formatInteger, formatUnits, groupThousands, THOUSANDS_SEPARATOR, UNIT_SEPARATOR } from '@ventalis/contracts/format';

export { formatEuros, formatInteger, formatUnits, THOUSANDS_SEPARATOR, UNIT_SEPARATOR };

/** A decimal number with at most `digits` decimals and a decimal comma: 118.4 → "118,4". */
export function formatDecimal(value: number, digits = 1): string {
  const factor = 10 ** digits;
  const scaled = Math.round(Math.abs(value) * factor);
  const whole = Math.trunc(scaled / factor);
  const fraction = String(scaled % factor).padStart(digits, '0').replace(/0+$/, '');
  const sign = value < 0 && scaled !== 0 ? '-' : '';
  return `${sign}${groupThousands(String(whole))}${fraction ? `,${fraction}` : ''}`;
}

/** 55 → "55 %"; "5.5" → "5,5 %" (VAT rates come as strings). */
export function formatPercent(value: number | string): string {
  return `${formatDecimal(Number(value), 1)}${UNIT_SEPARATOR}%`;
}

/** kg CO₂e per 1,000 units: 118.4 → "118,4 kg CO₂e". */
export function formatCo2e(kg: number): string {
  return `${formatDecimal(kg, 1)}${UNIT_SEPARATOR}kg CO₂e`;
}

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

/** Grams of CO₂e (how orders keep them) → "180,8 kg CO₂e"; tonnes from 10 t. */
export function formatCo2eGrams(grams: number): string {
  if (grams >= 10_000_000) return `${formatDecimal(grams / 1_000_000, 1)}${UNIT_SEPARATOR}t CO₂e`;
  return formatCo2e(grams / 1000);
}

// Dates are shown in the shop's time zone, whatever the server's.
const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/Paris' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** "2026-11-24T13:05:00Z" → "24 Nov 2026". */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** "2026-11-24T13:05:00Z" → "24 Nov 2026, 14:05" (Paris time). */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}
