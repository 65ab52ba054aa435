/**
 * How the storefront speaks French and English (Paraglide JS): the one set of compiler options
 * that vite (build, dev), vitest and `scripts/paraglide.ts` (before svelte-check) compile with,
 * so that every one of them generates the same runtime into src/lib/paraglide (gitignored).
 *
 * Every page lives under /fr/… or /en/…. A request without a prefix takes, in order, the
 * person's last choice (the locale cookie), their browser's Accept-Language, then French, and a
 * browser asking for a page is redirected (307) to that prefixed address.
 */
import path from 'node:path';
import type { CompilerOptions } from '@inlang/paraglide-js';
import { LOCALES } from '@ventalis/contracts/locale';

export const paraglideOptions = {
  project: path.join(import.meta.dirname, 'project.inlang'),
  outdir: path.join(import.meta.dirname, 'src', 'lib', 'paraglide'),
  strategy: ['url', 'cookie', 'preferredLanguage', 'baseLocale'],
  // Every locale prefixed (src/lib/locale-prefix.ts says the same for the pages and the
  // browser): Paraglide's default would put French at the root, where the cookie and
  // Accept-Language could never apply. Path-only patterns, on any origin.
  urlPatterns: [{ pattern: '/:path(.*)?', localized: LOCALES.map((locale) => [locale, `/${locale}/:path(.*)?`] as [typeof locale, string]) }],
  // Machines and media are not pages: no prefix, no redirect.
  routeStrategies: [
    { match: '/api/:path(.*)?', exclude: true },
    { match: '/healthz', exclude: true },
    { match: '/readyz', exclude: true },
    { match: '/metrics', exclude: true },
    { match: '/uploads/:path(.*)?', exclude: true },
  ],
  // As SvelteKit's own addresses: /fr, /fr/catalogue, never a trailing slash.
  trailingSlash: 'never',
  cookieName: 'ventalis_locale',
  emitReadme: false,
  emitPrettierIgnore: false,
} satisfies CompilerOptions;
