/**
 * The panel's Preview button (Strapi's preview feature): the URL that opens a content page
 * of the storefront in draft mode. The storefront checks the secret, sets its draft-mode
 * cookie and shows the page's draft; "published" leaves draft mode.
 */
export const PREVIEW_PATHS: Record<string, string> = {
  'api::home-page.home-page': '/',
  'api::commitment-page.commitment-page': '/our-commitment',
};

export function previewUrl(storefrontUrl: string, secret: string, uid: string, status: 'draft' | 'published'): string | null {
  const path = PREVIEW_PATHS[uid];
  if (!path) return null;
  const url = new URL('/api/preview', storefrontUrl);
  url.search = new URLSearchParams({ secret, path, status }).toString();
  return url.toString();
}
