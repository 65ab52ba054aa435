/**
 * What the browser gets instead of Paraglide's generated runtime (see the vite config): the
 * compiled messages only ask it for the page's language, which is the address's prefix. The
 * full runtime (URL patterns, strategies, cookies, redirects: 3 kB gzipped, and a URLPattern
 * polyfill besides) stays on the server, where the middleware decides the language.
 */
import { LOCALES, DEFAULT_LOCALE } from '@ventalis/contracts/locale';
import { browserLocale, withoutPrefix, withPrefix } from './locale-prefix.ts';

export const locales = LOCALES;
export const baseLocale = DEFAULT_LOCALE;
export const experimentalStaticLocale = undefined;
export const getLocale = browserLocale;

/** As Paraglide's, for code that imports them from the runtime (prefer #lib/i18n.ts). */
export function localizeHref(href: string, options?: { locale?: (typeof LOCALES)[number] }): string {
  return href.startsWith('/') && !href.startsWith('//') ? withPrefix(href, options?.locale ?? browserLocale()) : href;
}
export function deLocalizeHref(href: string): string {
  return withoutPrefix(href);
}
