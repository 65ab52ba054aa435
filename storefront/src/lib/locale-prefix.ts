/**
 * The one rule of the storefront's addresses: a page's language is the first segment of its
 * path (/fr/catalogue, /en/catalogue). Paraglide's URL patterns (paraglide.config.ts) say the
 * same for the server's middleware; this is the rule the pages and the browser use, without
 * Paraglide's URL machinery (a unit test keeps the two in agreement). No imports beyond the
 * locales: the browser loads this on every page.
 */
import { DEFAULT_LOCALE, isLocale, type Locale } from '@ventalis/contracts/locale';

/** The language prefix of a path ('/en/catalogue' → 'en'), or null when it has none. */
export function localeOfPath(pathname: string): Locale | null {
  const first = pathname.split('/')[1];
  return isLocale(first) ? first : null;
}

/** The path without its language prefix: '/en/catalogue?q=x' → '/catalogue?q=x'; '/fr' → '/'. */
export function withoutPrefix(href: string): string {
  const locale = localeOfPath(href.split(/[?#]/)[0]);
  if (!locale) return href;
  const rest = href.slice(locale.length + 1);
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/** The path in a language, without a trailing slash: '/catalogue' → '/fr/catalogue'; '/' → '/fr'; '/en/x' → '/fr/x'. */
export function withPrefix(href: string, locale: Locale): string {
  const path = withoutPrefix(href);
  return path.startsWith('/?') || path.startsWith('/#') || path === '/' ? `/${locale}${path.slice(1)}` : `/${locale}${path}`;
}

/**
 * The language of the page the browser shows: its address's prefix; after the router followed
 * a link without one, the language the server rendered the page in (<html lang>) until the next load.
 */
export function browserLocale(): Locale {
  const rendered = globalThis.document?.documentElement.lang;
  return localeOfPath(globalThis.location?.pathname ?? '/') ?? (isLocale(rendered) ? rendered : DEFAULT_LOCALE);
}
