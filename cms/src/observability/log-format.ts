import { formats, winston } from '@strapi/logger';
import { redactLogText } from '@ventalis/contracts/log-redaction';

interface RequestContext {
  get(): { state?: { requestId?: string } } | undefined;
}

/** The id of the request being served (set by the observability middleware), when there is one. */
const withRequestId = winston.format((info) => {
  const ctx = (globalThis as { strapi?: { requestContext?: RequestContext } }).strapi?.requestContext?.get();
  if (ctx?.state?.requestId) info.requestId = ctx.state.requestId;
  return info;
});

/** Secrets and personal data out of every message (tokens, codes, passwords, email addresses). */
const redacted = winston.format((info) => {
  info.message = redactLogText(String(info.message));
  return info;
});

/**
 * How the cms writes its log lines (Strapi's own and Ventalis'): each with the request id it
 * was written for and nothing secret or personal in it; one JSON object per line (for a log
 * collector), or Strapi's readable lines.
 */
export function logFormat(json: boolean) {
  return json
    ? winston.format.combine(withRequestId(), redacted(), winston.format.timestamp(), winston.format.json())
    : winston.format.combine(withRequestId(), redacted(), formats.prettyPrint());
}

/** JSON in production, or as LOG_FORMAT says (json, pretty). */
export const jsonLogs = (env: NodeJS.ProcessEnv) => (env.LOG_FORMAT ? env.LOG_FORMAT === 'json' : env.NODE_ENV === 'production');
