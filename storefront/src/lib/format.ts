/**
 * How the pages write prices, quantities, percentages, carbon, dates and countries: in the
 * language of the page (the request's on the server, the URL's in the browser), so that a page
 * just calls formatEuros(4200) and reads "42,00 €" in French, "€42.00" in English.
 * The writing itself is the contracts' (zod-free, so pages can import it), shared with the
 * cms' messages and emails. Money stays in integer cents until it is written.
 */
import * as contracts from '@ventalis/contracts/format';
import type { Locale } from '@ventalis/contracts/locale';
import { getLocale } from './paraglide/runtime.js';

export { THOUSANDS_SEPARATOR, UNIT_SEPARATOR } from '@ventalis/contracts/format';

/** 123456 → "1 234,56 €" (fr, with no-break spaces) or "€1,234.56" (en). */
export const formatEuros = (cents: number, locale: Locale = getLocale()) => contracts.formatEuros(cents, locale);
/** 180000 → "180 000" or "180,000". */
export const formatInteger = (value: number, locale: Locale = getLocale()) => contracts.formatInteger(value, locale);
/** 1000 → "1 000 unités" or "1,000 units". */
export const formatUnits = (quantity: number, locale: Locale = getLocale()) => contracts.formatUnits(quantity, locale);
/** 118.4 → "118,4" or "118.4", at most `digits` decimals. */
export const formatDecimal = (value: number, digits = 1, locale: Locale = getLocale()) => contracts.formatDecimal(value, digits, locale);
/** 55 → "55 %" or "55%"; VAT rates come as strings ("5.5"). */
export const formatPercent = (value: number | string, locale: Locale = getLocale()) => contracts.formatPercent(value, locale);
/** kg of CO₂e → "118,4 kg CO₂e" or "118.4 kg CO₂e". */
export const formatCo2e = (kg: number, locale: Locale = getLocale()) => contracts.formatCo2e(kg, locale);
/** Grams of CO₂e (as orders keep them) → kilograms, or tonnes from 10 t. */
export const formatCo2eGrams = (grams: number, locale: Locale = getLocale()) => contracts.formatCo2eGrams(grams, locale);
/** "2026-11-24T13:05:00Z" → "24 nov. 2026" or "24 Nov 2026" (Paris time). */
export const formatDate = (iso: string | Date, locale: Locale = getLocale()) => contracts.formatDate(iso, locale);
/** "2026-11-24T13:05:00Z" → "24 nov. 2026, 14:05" or "24 Nov 2026, 14:05" (Paris time). */
export const formatDateTime = (iso: string | Date, locale: Locale = getLocale()) => contracts.formatDateTime(iso, locale);

const countryNames = new Map<Locale, Intl.DisplayNames>();
/** Names already looked up, per language and code: a catalogue page asks for the same few countries 100 times. */
const namedCountries = new Map<string, string>();

/** ISO 3166 code → the country's name in the page's language ("DE" → "Allemagne" / "Germany"); the code itself when unknown. */
export function countryName(code: string, locale: Locale = getLocale()): string {
  const key = `${locale}:${code}`;
  const known = namedCountries.get(key);
  if (known !== undefined) return known;
  let names = countryNames.get(locale);
  if (!names) countryNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'region' })));
  let name = code;
  try {
    name = names.of(code.toUpperCase()) ?? code;
  } catch {
    // Not a region code: shown as it is.
  }
  // Codes come from the catalogue (a few hundred at most), never from the visitor.
  if (namedCountries.size < 1000) namedCountries.set(key, name);
  return name;
}

/**
 * What a person types as an amount in euros ("12", "12,5", "1 234,56", "12.50 €") → cents;
 * null when it is not an amount with at most two decimals. Both languages' ways are read.
 */
export function parseEurosToCents(input: string): number | null {
  const text = input.replace(/[\s\u00a0\u202f€]/g, '');
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const [, euros, decimals = ''] = match;
  return Number(euros) * 100 + Number(decimals.padEnd(2, '0'));
}

/** Cents → what a euro input shows back: 1250 → "12,50" (fr) or "12.50" (en); 1200 → "12". */
export function centsToEurosInput(cents: number, locale: Locale = getLocale()): string {
  const euros = Math.trunc(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(euros) : `${euros}${locale === 'fr' ? ',' : '.'}${String(rest).padStart(2, '0')}`;
}
