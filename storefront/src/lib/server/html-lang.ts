/**
 * `<html lang>` of every page: app.html holds `lang="__"`, and the first bytes of each HTML
 * response get the request's language written over those two characters. Same length, so no
 * copy of the page and no change of Content-Length; a streamed page keeps streaming.
 * (A string replace in transformPageChunk made SvelteKit hash and encode a rebuilt copy of
 * every page: a quarter of the 100-product catalogue's throughput, see bench/storefront.ts.)
 */
import type { Locale } from '@ventalis/contracts/locale';

/** What app.html says where the language goes. */
export const LANG_PLACEHOLDER = 'lang="__"';
const MARK = new TextEncoder().encode(LANG_PLACEHOLDER);
/** Where the two letters go within it. */
const CODE_OFFSET = LANG_PLACEHOLDER.indexOf('__');
/** app.html's `<html>` tag comes first: only the start of a page is searched. */
const SEARCHED_BYTES = 256;

function placeholderAt(bytes: Uint8Array): number {
  const end = Math.min(bytes.length, SEARCHED_BYTES) - MARK.length;
  search: for (let at = 0; at <= end; at++) {
    for (let i = 0; i < MARK.length; i++) if (bytes[at + i] !== MARK[i]) continue search;
    return at;
  }
  return -1;
}

/** The response with its page's language written into `<html lang>`; any other response as it is. */
export function withHtmlLang(response: Response, locale: Locale): Response {
  if (!response.body || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const code = new TextEncoder().encode(locale);
  if (code.length !== 2) throw new Error(`A language code of two letters is expected, got "${locale}"`);
  let first = true;
  const body = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        if (first) {
          first = false;
          const at = placeholderAt(chunk);
          // The chunk is this response's own: written in place.
          if (at >= 0) chunk.set(code, at + CODE_OFFSET);
        }
        controller.enqueue(chunk);
      },
    }),
  );
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
