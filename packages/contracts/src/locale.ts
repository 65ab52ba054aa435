/**
 * The languages Ventalis speaks, French first: the storefront's URLs (/fr/…, /en/…), the
 * cms' content locales, an account's language and every email and document follow this list.
 * No zod here: browser code imports this file alone (`@ventalis/contracts/locale`).
 */
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
