import { redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '#lib/redirect.ts';
import { PREVIEW_COOKIE, previewCookieOptions } from '#lib/server/preview.ts';
import type { RequestHandler } from './$types';

/** Leaves draft mode: the published pages again. */
export const GET: RequestHandler = ({ url, cookies }) => {
  cookies.delete(PREVIEW_COOKIE, previewCookieOptions(url));
  redirect(303, safeRedirectPath(url.searchParams.get('path')));
};
