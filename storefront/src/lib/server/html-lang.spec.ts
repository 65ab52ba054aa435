import { describe, expect, test } from 'vitest';
import { LANG_PLACEHOLDER, withHtmlLang } from './html-lang.ts';

const page = `<!doctype html>\n<html ${LANG_PLACEHOLDER}>\n<head><title>Catalogue · 1 000 unités</title></head><body><p lang="__">kept</p></body></html>`;
const html = (body: BodyInit | null, init: ResponseInit = {}) => new Response(body, { status: 200, headers: { 'content-type': 'text/html', 'content-length': String(new TextEncoder().encode(String(body ?? '')).length), etag: '"abc"' }, ...init });

describe("a page's <html lang>", () => {
  test('says the language of the request, the rest of the page and its headers unchanged', async () => {
    for (const locale of ['fr', 'en'] as const) {
      const response = withHtmlLang(html(page), locale);
      const text = await response.text();
      expect(text).toBe(page.replace(LANG_PLACEHOLDER, `lang="${locale}"`));
      expect(new TextEncoder().encode(text).length).toBe(Number(response.headers.get('content-length')));
      expect(response.headers.get('etag')).toBe('"abc"');
      expect(response.status).toBe(200);
    }
  });

  test('a streamed page: the first chunk is written, the later ones pass as they come', async () => {
    const parts = [page.slice(0, 60), page.slice(60)];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
        controller.close();
      },
    });
    const text = await withHtmlLang(new Response(stream, { headers: { 'content-type': 'text/html; charset=utf-8' } }), 'en').text();
    expect(text).toBe(page.replace(LANG_PLACEHOLDER, 'lang="en"'));
  });

  test('what is not a page, or has no body (304, HEAD), is given back as it is', async () => {
    const json = new Response('{"lang":"__"}', { headers: { 'content-type': 'application/json' } });
    expect(withHtmlLang(json, 'fr')).toBe(json);
    const notModified = new Response(null, { status: 304, headers: { 'content-type': 'text/html' } });
    expect(withHtmlLang(notModified, 'fr')).toBe(notModified);
  });

  test('a page without the placeholder near its start is left alone', async () => {
    const late = `<!doctype html>${' '.repeat(300)}<html ${LANG_PLACEHOLDER}>`;
    expect(await withHtmlLang(html(late), 'en').text()).toBe(late);
  });
});
