import { ERROR_CODES, isErrorCode } from '@ventalis/contracts/error-codes';

export interface Details {
  code?: unknown;
  params?: unknown;
  codes?: Record<string, { code?: unknown; params?: unknown }>;
  errors?: unknown;
}

/** A code of the list whose parameters are the ones its message may use (numbers or text). */
function known(code: unknown, params: unknown): boolean {
  if (!isErrorCode(code)) return false;
  if (params === undefined) return true;
  if (!params || typeof params !== 'object') return false;
  const declared: readonly string[] = ERROR_CODES[code];
  return Object.entries(params).every(([name, value]) => declared.includes(name) && (typeof value === 'string' || typeof value === 'number'));
}

/**
 * A refusal the storefront can word in both languages: a code of ERROR_CODES for the request
 * as a whole, or one per field (and every one of them in the list).
 */
export function hasKnownCode(details: Details | undefined): boolean {
  if (!details) return false;
  const fields = details.codes && typeof details.codes === 'object' ? Object.values(details.codes) : [];
  if (fields.some((coded) => !known(coded?.code, coded?.params))) return false;
  if (details.code !== undefined && !known(details.code, details.params)) return false;
  return isErrorCode(details.code) || fields.length > 0;
}
