import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@ventalis/contracts/locale';

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
