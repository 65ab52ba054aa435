import { error, redirect } from '@sveltejs/kit';
import { PREVIEW_SECRET } from '$app/env/private';
import { safeRedirectPath } from '#lib/redirect.ts';
import { draftModeToken, isPreviewSecret, PREVIEW_COOKIE, previewCookieOptions } from '#lib/server/preview.ts';
import type { RequestHandler } from './$types';

/** The panel's Preview button: ?secret=&path=&status=draft|published. */
export const GET: RequestHandler = ({ url, cookies }) => {
  if (!isPreviewSecret(url.searchParams.get('secret'), PREVIEW_SECRET)) error(401, 'This preview link is not valid.');
  const path = safeRedirectPath(url.searchParams.get('path'));
  const options = previewCookieOptions(url);
  if (url.searchParams.get('status') === 'published') cookies.delete(PREVIEW_COOKIE, options);
  else cookies.set(PREVIEW_COOKIE, draftModeToken(PREVIEW_SECRET), { ...options, maxAge: 3600 });
  redirect(303, path);
};
