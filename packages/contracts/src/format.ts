/**
 * How money, numbers, quantities, percentages, carbon and dates read in each language,
 * shared by the storefront's pages, the cms' messages and its emails, so that an amount reads
 * the same everywhere: `42,00 €` and `1 000 unités` in French, `€42.00` and `1,000 units` in
 * English. No zod here: browser code imports this file alone (`@ventalis/contracts/format`).
 * Money stays in integer cents until it is written.
 */

export type FormatLocale = 'fr' | 'en';

/** French typography: narrow no-break space between thousands, no-break space before a unit. */
export const THOUSANDS_SEPARATOR = '\u202f';
export const UNIT_SEPARATOR = '\u00a0';

const TAGS: Record<FormatLocale, string> = { fr: 'fr-FR', en: 'en-GB' };
// Dates are shown in the shop's time zone, whatever the server's.
const TIME_ZONE = 'Europe/Paris';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(locale: FormatLocale, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `n:${locale}:${key}`;
  let format = cache.get(id) as Intl.NumberFormat | undefined;
  if (!format) cache.set(id, (format = new Intl.NumberFormat(TAGS[locale], options)));
  return format;
}
function dateFormat(locale: FormatLocale, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `d:${locale}:${key}`;
  let format = cache.get(id) as Intl.DateTimeFormat | undefined;
  if (!format) cache.set(id, (format = new Intl.DateTimeFormat(TAGS[locale], { ...options, timeZone: TIME_ZONE })));
  return format;
}

/** 123456 → "1 234,56 €" (fr, with no-break spaces) or "€1,234.56" (en). */
export function formatEuros(cents: number, locale: FormatLocale = 'fr'): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`formatEuros expects whole cents, got ${cents}`);
  return numberFormat(locale, 'eur', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** 180000 → "180 000" (fr) or "180,000" (en). */
export function formatInteger(value: number, locale: FormatLocale = 'fr'): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`formatInteger expects a whole number, got ${value}`);
  return numberFormat(locale, 'int', { maximumFractionDigits: 0 }).format(value);
}

const UNIT_WORDS: Record<FormatLocale, [one: string, many: string]> = { fr: ['unité', 'unités'], en: ['unit', 'units'] };

/** 1000 → "1 000 unités" / "1,000 units"; 1 → "1 unité" / "1 unit". */
export function formatUnits(quantity: number, locale: FormatLocale = 'fr'): string {
  const [one, many] = UNIT_WORDS[locale];
  return `${formatInteger(quantity, locale)}${UNIT_SEPARATOR}${Math.abs(quantity) === 1 ? one : many}`;
}

/** A decimal number with at most `digits` decimals: 118.4 → "118,4" (fr) or "118.4" (en). */
export function formatDecimal(value: number, digits = 1, locale: FormatLocale = 'fr'): string {
  return numberFormat(locale, `dec${digits}`, { maximumFractionDigits: digits }).format(value);
}

/** 55 → "55 %" (fr) or "55%" (en); VAT rates come as strings ("5.5"). */
export function formatPercent(value: number | string, locale: FormatLocale = 'fr'): string {
  const number = formatDecimal(Number(value), 1, locale);
  return locale === 'fr' ? `${number}${UNIT_SEPARATOR}%` : `${number}%`;
}

/** kg CO₂e: 118.4 → "118,4 kg CO₂e" (fr) or "118.4 kg CO₂e" (en). */
export function formatCo2e(kg: number, locale: FormatLocale = 'fr'): string {
  return `${formatDecimal(kg, 1, locale)}${UNIT_SEPARATOR}kg CO₂e`;
}

/** Grams of CO₂e (how orders keep them) → "180,8 kg CO₂e"; tonnes from 10 t. */
export function formatCo2eGrams(grams: number, locale: FormatLocale = 'fr'): string {
  if (grams >= 10_000_000) return `${formatDecimal(grams / 1_000_000, 1, locale)}${UNIT_SEPARATOR}t CO₂e`;
  return formatCo2e(grams / 1000, locale);
}

/** "2026-11-24T13:05:00Z" → "24 nov. 2026" (fr) or "24 Nov 2026" (en), Paris time. */
export function formatDate(iso: string | Date, locale: FormatLocale = 'fr'): string {
  return dateFormat(locale, 'date', { dateStyle: 'medium' }).format(new Date(iso));
}

/** "2026-11-24T13:05:00Z" → "24 nov. 2026, 14:05" (fr) or "24 Nov 2026, 14:05" (en), Paris time. */
export function formatDateTime(iso: string | Date, locale: FormatLocale = 'fr'): string {
  return dateFormat(locale, 'datetime', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
