import type { z } from 'zod';
import { isErrorCode, type CodedError, type ErrorParams } from './error-codes.ts';
import { LOCALES } from './locale.ts';

/** Field path → first message, the shape forms and 4xx answers share. */
export type FieldErrors = Record<string, string>;
/** Field path → the code of that same first message, for wording it in the reader's language. */
export type FieldCodes = Record<string, CodedError>;

const keyOf = (issue: z.core.$ZodIssue) => (issue.path.length > 0 ? issue.path.join('.') : '_');

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = keyOf(issue);
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/**
 * The same fields as fieldErrors(), each with the code of its first issue. Give the parsed
 * `input` too: zod keeps no input in its issues, and it tells a missing value (`text.required`)
 * from one of the wrong type (`value.not_text`). Without it, a text of the wrong type reads as missing.
 */
export function fieldCodes(error: z.ZodError, input?: unknown): FieldCodes {
  const out: FieldCodes = {};
  for (const issue of error.issues) {
    const key = keyOf(issue);
    if (!(key in out)) out[key] = issueCode(issue, arguments.length > 1 ? { input } : undefined);
  }
  return out;
}

/** The value at an issue's path in what was parsed (undefined when absent). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at = input;
  for (const key of path) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

const coded = (code: CodedError['code'], params?: ErrorParams): CodedError => (params ? { code, params } : { code });
const list = (values: readonly unknown[]) => values.map(String).join(', ');

const NOT_OF_TYPE: Record<string, CodedError['code']> = {
  string: 'value.not_text',
  number: 'value.not_number',
  int: 'value.not_whole_number',
  bigint: 'value.not_whole_number',
  boolean: 'value.not_boolean',
  object: 'value.not_object',
  array: 'value.not_list',
};

/**
 * One zod issue as a code. A rule of our own (refine, superRefine) carries its code in the
 * issue's `params` (see rule()); zod's built-in checks map by kind: a string too long is
 * `text.too_long {max}`, a missing text `text.required`, an unknown field `request.unknown_fields`…
 */
export function issueCode(issue: z.core.$ZodIssue, parsed?: { input: unknown }): CodedError {
  switch (issue.code) {
    case 'custom': {
      const { code, ...params } = (issue.params ?? {}) as Record<string, string | number>;
      return isErrorCode(code) ? coded(code, Object.keys(params).length > 0 ? params : undefined) : coded('value.invalid');
    }
    case 'invalid_type': {
      // The issue keeps its input only when parsed with { reportInput: true }.
      const missing = 'input' in issue ? issue.input === undefined : parsed ? valueAt(parsed.input, issue.path) === undefined : issue.expected === 'string';
      if (missing) return coded(issue.expected === 'string' ? 'text.required' : 'value.required');
      return coded(NOT_OF_TYPE[issue.expected] ?? 'value.invalid');
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? coded('text.required') : coded('text.too_short', { min });
      if (issue.origin === 'array' || issue.origin === 'set') return coded('list.too_short', { min });
      if (!issue.inclusive && min === 0) return coded('number.not_positive');
      return coded('number.too_small', { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return coded('text.too_long', { max });
      if (issue.origin === 'array' || issue.origin === 'set') return coded('list.too_long', { max });
      return coded('number.too_large', { max });
    }
    case 'invalid_format':
      return coded(issue.format === 'email' ? 'email.invalid' : 'value.invalid_format');
    case 'not_multiple_of':
      return coded('number.not_multiple', { step: Number(issue.divisor) });
    case 'unrecognized_keys':
      return coded('request.unknown_fields', { fields: list(issue.keys) });
    case 'invalid_value':
      // A language Ventalis does not speak, wherever it is asked for (a query's or an account's locale).
      if (issue.values.length === LOCALES.length && LOCALES.every((locale) => issue.values.includes(locale))) return coded('locale.unknown');
      return coded('value.not_allowed', { allowed: list(issue.values) });
    default:
      return coded('value.invalid');
  }
}

/** One sentence naming each field and its rule, for an API error message. */
export function describeFieldErrors(errors: FieldErrors): string {
  return Object.entries(errors)
    .map(([field, message]) => (field === '_' ? message : `${field}: ${message}`))
    .join('; ');
}
