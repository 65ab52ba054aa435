import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { m } from '../paraglide/messages.js';
import { refuseUnreadableForms } from './form-body.ts';

const boundary = '----ventalis';
const multipart = [`--${boundary}`, 'Content-Disposition: form-data; name="identifier"', '', 'claire@example.com', `--${boundary}`, 'Content-Disposition: form-data; name="password"', '', 'secret', `--${boundary}--`, ''].join('\r\n');

function post(body: string, contentType: string): Request {
  const request = new Request('http://shop.example/login', { method: 'POST', body, headers: { 'content-type': contentType } });
  refuseUnreadableForms(request);
  return request;
}

async function refusal(request: Request): Promise<unknown> {
  return request.formData().then(
    () => null,
    (failure: unknown) => failure,
  );
}

describe('refuseUnreadableForms', () => {
  it('reads a whole form as before', async () => {
    const form = await post(multipart, `multipart/form-data; boundary=${boundary}`).formData();
    expect(form.get('identifier')).toBe('claire@example.com');
    expect(form.get('password')).toBe('secret');
    expect((await post('identifier=a%40b.example&password=x', 'application/x-www-form-urlencoded').formData()).get('identifier')).toBe('a@b.example');
  });

  it.each([
    ['a multipart body cut off mid-field', multipart.slice(0, 60), `multipart/form-data; boundary=${boundary}`],
    ['a multipart body without its closing boundary', multipart.slice(0, multipart.length - 6), `multipart/form-data; boundary=${boundary}`],
    ['a multipart type without a boundary', 'identifier=a', 'multipart/form-data'],
    ['a text/plain form', 'identifier=a', 'text/plain'],
  ])('answers 400 with a message for %s', async (_name, body, contentType) => {
    const failure = await refusal(post(body, contentType));
    expect(isHttpError(failure, 400)).toBe(true);
    // In the request's language; French outside of a request.
    expect((failure as { body: { message: string } }).body.message).toBe(m.error_unreadable_form());
    expect(m.error_unreadable_form()).toMatch(/^Votre formulaire est arrivé incomplet/);
  });

  it('leaves other failures as they are', async () => {
    const stream = new ReadableStream({ pull: (controller) => controller.error(new RangeError('too large')) });
    const request = new Request('http://shop.example/login', { method: 'POST', body: stream, duplex: 'half', headers: { 'content-type': 'application/x-www-form-urlencoded' } } as RequestInit);
    refuseUnreadableForms(request);
    expect(await refusal(request)).toBeInstanceOf(RangeError);
  });
});
