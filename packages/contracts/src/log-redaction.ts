/**
 * What never reaches a log line, whichever service writes it: secrets in addresses and
 * headers (tokens, tickets, reset and confirmation codes, passwords), bearer tokens and JWTs,
 * and people's email addresses. Applied to every message before it is written.
 */
const SECRET_PARAMETER = /\b((?:[\w-]*(?:token|ticket|secret|password|code|confirmation|signature|key))=)[^&\s"']+/gi;
const BEARER = /\b(Bearer)\s+[\w.~+/=-]+/g;
const JWT = /\beyJ[\w-]+\.[\w-]+\.[\w-]+/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

export function redactLogText(text: string): string {
  return text.replace(JWT, '[jwt]').replace(BEARER, '$1 [redacted]').replace(SECRET_PARAMETER, '$1[redacted]').replace(EMAIL, '[email]');
}

/** Keys whose values are never logged, in structured log records. */
export const REDACTED_LOG_KEYS = ['authorization', 'cookie', 'set-cookie', 'password', 'token', 'jwt', 'refreshToken', 'ticket', 'secret', 'email'];
