/**
 * The chat-server's log: one JSON object per line (pino), nothing secret or personal in it
 * (tickets, tokens, emails).
 */
import pino from 'pino';
import { REDACTED_LOG_KEYS, redactLogText } from '@ventalis/contracts/log-redaction';

export const log = pino({
  base: { service: 'chat-server' },
  level: process.env.LOG_LEVEL || 'info',
  redact: { paths: REDACTED_LOG_KEYS.flatMap((key) => [key, `*.${key}`]), censor: '[redacted]' },
  hooks: {
    logMethod(args, method) {
      method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactLogText(arg) : arg)) as Parameters<typeof method>);
    },
  },
});
