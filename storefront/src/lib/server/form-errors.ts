/**
 * The storefront's own validation (the shared zod schemas, run before calling the cms) worded
 * like the cms' refusals: each field's first issue as its code, in the page's language.
 */
import { fieldCodes, fieldErrors } from '@ventalis/contracts';
import type { z } from 'zod';
import { wordRefusal } from '../errors.ts';
import type { CmsError } from './cms.ts';

/**
 * A form's errors for a failed parse of `input`: one message per field, `_` for a rule of the
 * whole form. Address fields (billingAddress.city) are named as the form names them (city).
 */
export function invalidFields(error: z.ZodError, input: unknown): Record<string, string> {
  const sentences = fieldErrors(error);
  const words = wordRefusal(sentences._ ?? '', { errors: sentences, codes: fieldCodes(error, input) });
  if (!('_' in sentences)) delete words._;
  return flatFields(words);
}

/** billingAddress.city → city: the forms' fields are flat. */
export function flatFields(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [field.replace(/^billingAddress\./, ''), message]));
}

/**
 * The cms' refusal of a sign-in in the page's language: wrong credentials beside the password,
 * anything else (an unconfirmed email, a blocked account, too many attempts) above the form.
 */
export function signInRefusal(error: CmsError): Record<string, string> {
  const words = wordRefusal(error.message, { ...error.codes, errors: error.fieldErrors });
  if (error.codes.code === 'auth.invalid_credentials') return { password: words._ };
  return words;
}
