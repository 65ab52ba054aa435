/**
 * The one list of refusals the cms words for a person. The cms answers a 4xx with a code and
 * its parameters next to an English sentence; the storefront (and the cms' own emails) word
 * the code in the reader's language from their catalogue, where each code has a message
 * named by errorMessageKey() in every locale. No zod here: browser code may import it.
 *
 * Each entry names the parameters its message may use.
 */
export const ERROR_CODES = {
  'locale.unknown': [],
} as const satisfies Record<string, readonly string[]>;

export type ErrorCode = keyof typeof ERROR_CODES;
export type ErrorParams = Record<string, string | number>;

/** A refusal as a code and the values its message needs: `quantity.below_minimum {min: 1000}`. */
export interface CodedError {
  code: ErrorCode;
  params?: ErrorParams;
}

/**
 * `error.details` of a cms 4xx: `code`/`params` for the request as a whole, `codes` per field
 * (with `errors`, today's English sentence per field, beside them).
 */
export interface ErrorDetails {
  code?: ErrorCode;
  params?: ErrorParams;
  errors?: Record<string, string>;
  codes?: Record<string, CodedError>;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/** The catalogue key that words a code: 'quantity.below_minimum' → 'error_quantity_below_minimum'. */
export function errorMessageKey(code: ErrorCode): string {
  return `error_${code.replace(/[.-]/g, '_')}`;
}
