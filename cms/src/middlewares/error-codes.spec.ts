import { describe, expect, test } from 'vitest';
import { isErrorCode } from '@ventalis/contracts/error-codes';
import { fallbackCode } from './error-codes';

describe("the code of a refusal Strapi makes itself", () => {
  test('comes from its message when Ventalis knows it', () => {
    expect(fallbackCode(400, 'Your account email is not confirmed', {})).toEqual({ code: 'auth.email_not_confirmed' });
    expect(fallbackCode(400, 'Your account has been blocked by an administrator', {})).toEqual({ code: 'auth.blocked' });
    expect(fallbackCode(401, 'Invalid refresh token', {})).toEqual({ code: 'auth.refresh_invalid' });
  });

  test('else from its status, or its validation errors', () => {
    expect(fallbackCode(401, 'Unauthorized', {})).toEqual({ code: 'auth.required' });
    expect(fallbackCode(403, 'Forbidden', {})).toEqual({ code: 'auth.forbidden' });
    expect(fallbackCode(404, 'Not Found', {})).toEqual({ code: 'request.not_found' });
    expect(fallbackCode(429, 'Too many', { retryAfterSeconds: 30 })).toEqual({ code: 'request.too_many_attempts', params: { retryAfterSeconds: 30 } });
    expect(fallbackCode(400, '2 errors occurred', { errors: [{ path: ['password'], message: 'required' }] })).toEqual({ code: 'request.invalid' });
    expect(fallbackCode(400, 'Something else', {})).toEqual({ code: 'request.refused' });
  });

  test('is always one of the list', () => {
    for (const status of [400, 401, 403, 404, 405, 409, 413, 415, 422, 429]) expect(isErrorCode(fallbackCode(status, undefined, {}).code), String(status)).toBe(true);
  });
});
