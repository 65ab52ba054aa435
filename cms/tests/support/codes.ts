import { isErrorCode } from '@ventalis/contracts/error-codes';

export interface Details {
  code?: unknown;
  params?: unknown;
  codes?: Record<string, { code?: unknown }>;
  errors?: unknown;
}

/**
 * A refusal the storefront can word in both languages: a code of ERROR_CODES for the request
 * as a whole, or one per field (and every one of them in the list).
 */
export function hasKnownCode(details: Details | undefined): boolean {
  if (!details) return false;
  const fields = details.codes && typeof details.codes === 'object' ? Object.values(details.codes) : [];
  if (fields.some((coded) => !isErrorCode(coded?.code))) return false;
  return isErrorCode(details.code) || fields.length > 0;
}
