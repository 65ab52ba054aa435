import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { isErrorCode, type CodedError, type ErrorCode } from '@ventalis/contracts/error-codes';

interface ErrorBody {
  data?: unknown;
  error?: { status?: number; name?: string; message?: string; details?: Record<string, unknown> | null };
}

/**
 * Strapi's own refusals on the public API (the accounts plugin's sign-in, password change,
 * email confirmation and token refresh; authentication; permissions; unknown routes), by
 * status and English message: Ventalis' own code throws its refusals with their code already.
 */
const STRAPI_MESSAGES: Record<string, ErrorCode> = {
  'Invalid identifier or password': 'auth.invalid_credentials',
  'Your account email is not confirmed': 'auth.email_not_confirmed',
  'Your account has been blocked by an administrator': 'auth.blocked',
  'User blocked': 'auth.blocked',
  'Invalid credentials': 'auth.invalid_credentials',
  'The provided current password is invalid': 'password.current_invalid',
  'Your new password must be different than your current password': 'password.same_as_current',
  'Passwords do not match': 'password.mismatch',
  'Invalid token': 'account.confirmation_link_invalid',
  'Invalid refresh token': 'auth.refresh_invalid',
  'Missing refresh token': 'auth.refresh_invalid',
  'Session ended': 'auth.session_ended',
};

const BY_STATUS: Record<number, ErrorCode> = {
  401: 'auth.required',
  403: 'auth.forbidden',
  404: 'request.not_found',
  405: 'request.method_not_allowed',
  413: 'request.body_too_large',
  415: 'request.unsupported_media_type',
  429: 'request.too_many_attempts',
};

const hasCode = (details: Record<string, unknown> | null | undefined) =>
  Boolean(details && (isErrorCode(details.code) || (details.codes && typeof details.codes === 'object' && !Array.isArray(details.codes))));

/** The code of a refusal that has none: Strapi's own answers, by message, else by status. */
export function fallbackCode(status: number, message: string | undefined, details: Record<string, unknown> | null | undefined): CodedError {
  const known = message ? STRAPI_MESSAGES[message] : undefined;
  if (known) return { code: known };
  if (status === 429 && typeof details?.retryAfterSeconds === 'number') return { code: 'request.too_many_attempts', params: { retryAfterSeconds: details.retryAfterSeconds } };
  if (BY_STATUS[status]) return { code: BY_STATUS[status] };
  // Strapi's own validation (yup) lists its problems in details.errors.
  if (status === 400 && Array.isArray(details?.errors)) return { code: 'request.invalid' };
  return { code: 'request.refused' };
}

/**
 * Every 4xx of the public API carries a code of ERROR_CODES (`error.details.code` for the
 * request as a whole, or `error.details.codes` per field), so that the storefront can word
 * every refusal in the reader's language. Ventalis' own refusals come with theirs; this
 * gives one to the refusals Strapi makes itself, and an error body to a bare 4xx.
 * Runs outside strapi::errors, on the answer it formatted.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = (strapi.config.get('api.rest.prefix') as string | undefined) ?? '/api';
  return async (ctx: Context, next: () => Promise<void>) => {
    await next();
    if (ctx.status < 400 || ctx.status >= 500 || !ctx.path.startsWith(`${prefix}/`)) return;
    const body = ctx.body as ErrorBody | string | null | undefined;
    if (body && typeof body === 'object' && !Buffer.isBuffer(body) && body.error && typeof body.error === 'object') {
      const details = body.error.details && typeof body.error.details === 'object' ? body.error.details : {};
      if (hasCode(details)) return;
      body.error.details = { ...details, ...fallbackCode(ctx.status, body.error.message, details) };
      return;
    }
    // A bare refusal (no body, or text): the API's error shape, with its code.
    const status = ctx.status;
    const message = typeof body === 'string' && body.length > 0 && body.length < 200 ? body : ctx.message;
    ctx.body = { data: null, error: { status, name: 'Error', message, details: fallbackCode(status, message, {}) } };
    ctx.status = status;
  };
};
