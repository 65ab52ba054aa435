/**
 * The cms' uploaded media, served from the storefront's own origin: pages keep the cms'
 * relative URLs (/uploads/…), the browser never talks to the cms, and the images fall
 * under the storefront's CSP and caching.
 */
import { error } from '@sveltejs/kit';
import { cms } from '#lib/server/services.ts';
import type { RequestHandler } from './$types';

/** Strapi's local provider names files <name>_<hash>.<ext>, with thumbnails as <size>_<name>. */
const FILE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;
const PASSED_HEADERS = ['content-type', 'content-length', 'etag', 'last-modified', 'accept-ranges', 'content-range'];

export const GET: RequestHandler = async ({ params, request }) => {
  if (!FILE.test(params.path) || params.path.includes('..')) error(404, 'No such file');

  const upstream = await cms.fetchUpload(params.path, request.headers);
  if (upstream.status === 404) {
    await upstream.body?.cancel();
    error(404, 'No such file');
  }
  if (![200, 206, 304].includes(upstream.status)) {
    await upstream.body?.cancel();
    error(502, 'The picture could not be loaded');
  }

  const headers = new Headers();
  for (const name of PASSED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  // File names carry a content hash: a changed picture is a new URL.
  headers.set('cache-control', 'public, max-age=31536000, immutable');
  headers.set('x-content-type-options', 'nosniff');
  headers.set('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
  return new Response(upstream.status === 304 ? null : upstream.body, { status: upstream.status, headers });
};
