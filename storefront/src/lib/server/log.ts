/**
 * The storefront server's log: one JSON object per line (pino), each with the id of the
 * request it was written for, and nothing secret or personal in it (tokens, cookies, emails).
 */
import pino from 'pino';
import { REDACTED_LOG_KEYS, redactLogText } from '@ventalis/contracts/log-redaction';
import { currentRequestId } from './observability.ts';

export const log = pino({
  base: { service: 'storefront' },
  level: process.env.LOG_LEVEL || 'info',
  // Structured fields by name, wherever they are nested; message text by pattern.
  redact: { paths: REDACTED_LOG_KEYS.flatMap((key) => [key, `*.${key}`, `*.headers.${key}`]), censor: '[redacted]' },
  mixin: () => {
    const requestId = currentRequestId();
    return requestId ? { requestId } : {};
  },
  hooks: {
    logMethod(args, method) {
      method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactLogText(arg) : arg)) as Parameters<typeof method>);
    },
  },
});
