import type { Core, UID } from '@strapi/strapi';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@ventalis/contracts/locale';

/**
 * The panel's Preview button (Strapi's preview feature): the URL that opens a page of the
 * storefront, in the language being edited, in draft mode. The storefront checks the secret,
 * sets its draft-mode cookie and shows the page's draft; "published" leaves draft mode.
 * Every storefront page lives under /fr/… or /en/…; /api/preview itself is not localized.
 */
type PagePath = (slug: string) => string;
const PAGES: Record<string, { path: PagePath; bySlug: boolean }> = {
  'api::home-page.home-page': { path: () => '', bySlug: false },
  'api::commitment-page.commitment-page': { path: () => '/our-commitment', bySlug: false },
  'api::product.product': { path: (slug) => `/products/${encodeURIComponent(slug)}`, bySlug: true },
  'api::category.category': { path: (slug) => `/catalogue/${encodeURIComponent(slug)}`, bySlug: true },
};

export const previewable = (uid: string) => Object.hasOwn(PAGES, uid);

/**
 * The storefront path of a page in a locale: `/fr`, `/en/our-commitment`,
 * `/fr/products/boite-expedition-kraft` (the slug of that locale). Null when the type has no
 * page, or when it needs a slug and has none in that locale.
 */
export function previewPath(uid: string, locale: Locale, slug?: string | null): string | null {
  if (!previewable(uid)) return null;
  const page = PAGES[uid]!;
  if (page.bySlug && !slug) return null;
  return `/${locale}${page.path(slug ?? '')}`;
}

/** The storefront's /api/preview link that opens `path`, in draft mode or out of it. */
export function storefrontPreviewUrl(storefrontUrl: string, secret: string, path: string, status: 'draft' | 'published'): string {
  const url = new URL('/api/preview', storefrontUrl);
  url.search = new URLSearchParams({ secret, path, status }).toString();
  return url.toString();
}

/**
 * The locale the panel is editing, as Strapi's preview handler receives it: absent for a
 * content type that is not localized (its one version is the French one). A locale the
 * storefront does not serve has no page to preview.
 */
export function editedLocale(locale: string | null | undefined): Locale | null {
  if (locale === undefined || locale === null || locale === '') return DEFAULT_LOCALE;
  return isLocale(locale) ? locale : null;
}

/** The preview handler of config/admin.ts: the URL of the edited document's page in the edited locale, or null. */
export async function previewUrl(
  strapi: Core.Strapi,
  uid: string,
  { documentId, locale, status }: { documentId?: string | null; locale?: string | null; status?: string | null },
): Promise<string | null> {
  const language = editedLocale(locale);
  if (!language || !previewable(uid)) return null;
  let slug: string | null = null;
  if (PAGES[uid]!.bySlug) {
    if (!documentId) return null;
    const contentType = strapi.contentType(uid as UID.ContentType);
    const localized = Boolean((contentType.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized);
    const document = await strapi.documents(uid as UID.ContentType).findOne({
      documentId,
      ...(localized ? { locale: language } : {}),
      ...(contentType.options?.draftAndPublish ? { status: status === 'published' ? 'published' : 'draft' } : {}),
      fields: ['slug'],
    } as never);
    slug = (document as { slug?: string | null } | null)?.slug ?? null;
  }
  const path = previewPath(uid, language, slug);
  if (!path) return null;
  const { storefrontUrl, previewSecret } = strapi.config.get('ventalis') as { storefrontUrl: string; previewSecret: string };
  return storefrontPreviewUrl(storefrontUrl, previewSecret, path, status === 'published' ? 'published' : 'draft');
}
