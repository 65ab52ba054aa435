import { errors } from '@strapi/utils';
import type { z } from 'zod';
import { describeFieldErrors, fieldCodes, fieldErrors, type CodedError, type Refusal } from '@ventalis/contracts';

/**
 * Parses input with a shared schema; on failure throws a 400 whose message names
 * each field and its rule, and whose details carry the same per field for forms
 * (`errors`, the English sentence, and `codes`, to word it in the reader's language).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const errorsByField = fieldErrors(result.error);
  throw new errors.ValidationError(describeFieldErrors(errorsByField), { errors: errorsByField, codes: fieldCodes(result.error, input ?? {}) });
}

const codedOf = ({ code, params }: CodedError): CodedError => (params ? { code, params } : { code });

/** The details of a refusal of the request as a whole: its code and parameters. */
export function refusalDetails(refusal: CodedError, extra: Record<string, unknown> = {}) {
  return { ...extra, ...codedOf(refusal) };
}

/** A 400 refusing the request as a whole, with its code beside the English sentence. */
export function refused(refusal: Refusal, extra: Record<string, unknown> = {}): errors.ValidationError {
  return new errors.ValidationError(refusal.message, refusalDetails(refusal, extra));
}

/** A 404 with its code. */
export function notFound(refusal: Refusal): errors.NotFoundError {
  return new errors.NotFoundError(refusal.message, refusalDetails(refusal));
}

/**
 * A 403 with its code. Strapi's authorization middleware turns any ForbiddenError a controller
 * throws into a bare "Forbidden", except a PolicyError: that one keeps its message and details.
 */
export function forbidden(refusal: Refusal): errors.PolicyError {
  return new errors.PolicyError(refusal.message, refusalDetails(refusal));
}

/** A refusal tied to one field, in the same shape as parseInput's. */
export function fieldError(field: string, refusal: Refusal): errors.ValidationError {
  return new errors.ValidationError(`${field}: ${refusal.message}`, { errors: { [field]: refusal.message }, codes: { [field]: codedOf(refusal) } });
}

/**
 * A refusal of a Document Service write tied to one field, in the shape of Strapi's own
 * validation errors (a list of { path, message }): the panel's form shows it on the field.
 * `codes` carries the same refusal by field path, as for the API's own answers.
 */
export function documentFieldError(path: (string | number)[], refusal: Refusal): errors.ValidationError {
  const { message } = refusal;
  return new errors.ValidationError(message, {
    errors: [{ path: path.map(String), message, name: 'ValidationError' }],
    codes: { [path.join('.')]: codedOf(refusal) },
  });
}

/**
 * A shared schema's refusal of a Document Service write, in the shape of Strapi's own
 * validation errors: the panel's form shows each message on its field, `codes` words it.
 */
export function documentValidationError(error: z.ZodError, input: unknown): errors.ValidationError {
  const byField = fieldErrors(error);
  return new errors.ValidationError(Object.values(byField)[0] ?? 'Not valid', {
    errors: Object.entries(byField).map(([field, message]) => ({ path: field.split('.'), message, name: 'ValidationError' })),
    codes: fieldCodes(error, input),
  });
}

/** A service's refusal by field ({ field: message }, as parseInput and fieldError write it) in the shape of documentValidationError. */
export function asDocumentError(error: unknown): unknown {
  const details = (error as errors.ValidationError).details as { errors?: unknown } | undefined;
  if (!(error instanceof errors.ValidationError) || !details?.errors || Array.isArray(details.errors)) return error;
  const list = Object.entries(details.errors as Record<string, string>).map(([field, message]) => ({ path: field.split('.'), message, name: 'ValidationError' }));
  return new errors.ValidationError(error.message, { ...details, errors: list });
}

/**
 * A 410 with its code: what the address named existed and is over (a used or expired link).
 * Strapi answers an http-errors error with its own status, message and details.
 */
export function gone(refusal: Refusal): errors.HttpError {
  const error = Object.assign(new Error(refusal.message), { name: 'GoneError', status: 410, statusCode: 410, expose: true, details: refusalDetails(refusal) });
  return Object.setPrototypeOf(error, errors.HttpError.prototype) as errors.HttpError;
}
