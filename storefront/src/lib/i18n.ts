/**
 * The storefront's languages at run time, on the server and in the browser. Every page lives
 * under /fr/… or /en/… (see paraglide.config.ts and locale-prefix.ts); routes, guards and rules
 * think in paths without the prefix ('/catalogue'), links and redirects carry it ('/fr/catalogue').
 * Words come from the message catalogue: `import { m } from '#lib/paraglide/messages.js'`.
 */
import type { Locale } from '@ventalis/contracts/locale';
import { localeOfPath, withoutPrefix, withPrefix } from './locale-prefix.ts';
import { getLocale, locales } from './paraglide/runtime.js';

export { getLocale, localeOfPath, locales };

/**
 * A link or redirect to a page of this site, in the page's language (or the one given):
 * '/catalogue?q=box' → '/fr/catalogue?q=box'; '/en/orders' → '/fr/orders' in French.
 * Anything that is not a path of this site (anchors, other sites, mailto:) is left as it is.
 */
export function localizeHref(href: string, locale: Locale = getLocale()): string {
  if (!href.startsWith('/') || href.startsWith('//') || href.startsWith('/\\')) return href;
  return withPrefix(href, locale);
}

/** The path without its language prefix, as routes see it: '/en/catalogue' → '/catalogue'. */
export function unlocalizedPath(pathname: string): string {
  return withoutPrefix(pathname);
}

/** The address of a document (a product, a category) in each language it has a slug in: for PageData.alternatePaths. */
export function slugPaths(prefix: string, slugs: Partial<Record<Locale, string | null>> | undefined): Partial<Record<Locale, string>> {
  const paths: Partial<Record<Locale, string>> = {};
  for (const [locale, slug] of Object.entries(slugs ?? {})) if (slug) paths[locale as Locale] = `${prefix}/${slug}`;
  return paths;
}

export interface Alternate {
  locale: Locale;
  /** The same page in that language, query kept: a path of this site. */
  href: string;
}

/**
 * The current page in every language, for the language switcher and hreflang. A page whose
 * address differs per language (a product's or category's slug) gives its own unprefixed
 * path for each locale; any other page keeps its path and query.
 */
export function alternates(url: { pathname: string; search: string }, paths: Partial<Record<Locale, string>> = {}): Alternate[] {
  const here = unlocalizedPath(url.pathname);
  return (locales as readonly Locale[]).map((locale) => ({ locale, href: localizeHref(`${paths[locale] ?? here}${url.search}`, locale) }));
}
