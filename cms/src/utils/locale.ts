import type { Core } from '@strapi/strapi';
import { refusal } from '@ventalis/contracts';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '@ventalis/contracts/locale';
import { refused } from './validation';

const ACCEPTED = `must be one of ${LOCALES.join(', ')}`;

/**
 * The language a public read asks for: `?locale=fr|en`, French when absent. Anything else
 * (an unknown code, an empty or repeated parameter) is refused as a whole with the code
 * `locale.unknown`, before anything is read: no answer half in one language.
 */
export function requestedLocale(query: Record<string, unknown> | undefined): Locale {
  const value = query?.locale;
  if (value === undefined) return DEFAULT_LOCALE;
  if (isLocale(value)) return value;
  const given = typeof value === 'string' ? `"${value.slice(0, 20)}"` : 'given more than once';
  throw refused(refusal('locale.unknown', `Unknown locale ${given}: locale ${ACCEPTED}`), {
    errors: { locale: ACCEPTED }, codes: { locale: { code: 'locale.unknown' } },
  });
}

/**
 * An account's language, stored on the storefront account as `language` (Strapi's i18n
 * plugin claims the attribute name `locale` on every content type for its own use).
 * An account from before languages existed, or a panel-made one without it, reads French.
 */
export const accountLocale = (user: { language?: unknown } | null | undefined): Locale => (isLocale(user?.language) ? user.language : DEFAULT_LOCALE);

/** A page of the storefront in a language: every page lives under /fr/… or /en/…. */
export function storefrontLink(strapi: Core.Strapi, locale: Locale, path: string): string {
  const base = String(strapi.config.get('ventalis.storefrontUrl')).replace(/\/+$/, '');
  return `${base}/${locale}${path.startsWith('/') ? path : `/${path}`}`;
}
