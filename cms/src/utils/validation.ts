import { errors } from '@strapi/utils';
import type { z } from 'zod';
import { describeFieldErrors, fieldErrors } from '@ventalis/contracts';

/**
 * Parses input with a shared schema; on failure throws a 400 whose message names
 * each field and its rule, and whose details carry the same per field for forms.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const errorsByField = fieldErrors(result.error);
  throw new errors.ValidationError(describeFieldErrors(errorsByField), { errors: errorsByField });
}

/** A refusal tied to one field, in the same shape as parseInput's. */
export function fieldError(field: string, message: string): errors.ValidationError {
  return new errors.ValidationError(`${field}: ${message}`, { errors: { [field]: message } });
}

/**
 * A refusal of a Document Service write tied to one field, in the shape of Strapi's own
 * validation errors (a list of { path, message }): the panel's form shows it on the field.
 */
export function documentFieldError(path: (string | number)[], message: string): errors.ValidationError {
  return new errors.ValidationError(message, { errors: [{ path: path.map(String), message, name: 'ValidationError' }] });
}
