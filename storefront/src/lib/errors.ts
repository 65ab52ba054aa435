/**
 * The cms' refusals in the reader's language. A 4xx from the cms carries codes with their
 * parameters (`quantity.below_minimum {min: 1000}`) next to English sentences; this words
 * each code with the catalogue's message errorMessageKey(code), in the request's language,
 * and keeps the cms' sentence only when it sent no code this storefront knows.
 * Server code only: it reaches every message of the catalogue by its key.
 */
import { errorMessageKey, isErrorCode, type CodedError, type ErrorCode, type ErrorDetails, type ErrorParams } from '@ventalis/contracts/error-codes';
import type { Locale } from '@ventalis/contracts/locale';
import { formatDate, formatEuros, formatInteger } from './format.ts';
import { dayAsDate } from './prices.ts';
import { m } from './paraglide/messages.js';
import { getLocale } from './paraglide/runtime.js';

type Wording = (inputs: Record<string, unknown>, options: { locale: Locale }) => string;

/** The catalogue's message for a code, if it has one. */
export function errorMessage(code: string): Wording | undefined {
  if (!isErrorCode(code)) return undefined;
  const message = (m as unknown as Record<string, unknown>)[errorMessageKey(code)];
  return typeof message === 'function' ? (message as Wording) : undefined;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Numbers are written the locale's way (1 000 / 1,000), amounts (`…Cents`) in euros, days (`YYYY-MM-DD`) as dates (31 déc. 2026); names and ids as they come. */
function formatParams(params: ErrorParams | undefined, locale: Locale): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    if (typeof value === 'number' && Number.isSafeInteger(value)) out[name] = name.endsWith('Cents') ? formatEuros(value, locale) : formatInteger(value, locale);
    else if (typeof value === 'string' && DAY.test(value)) out[name] = formatDate(dayAsDate(value), locale);
    else out[name] = value;
  }
  return out;
}

/** One refusal, worded: the code's message, else the cms' own sentence. */
export function wordError(coded: CodedError | undefined, fallback: string, locale: Locale = getLocale()): string {
  const message = coded ? errorMessage(coded.code) : undefined;
  return message ? message(formatParams(coded?.params, locale), { locale }) : fallback;
}

/**
 * The errors a form shows for a cms refusal: `_` for the request as a whole, one per field,
 * each worded from its code when the cms sent one.
 */
export function wordRefusal(message: string, details: ErrorDetails = {}, locale: Locale = getLocale()): Record<string, string> {
  const fieldWords: Record<string, string> = {};
  const fields = new Set([...Object.keys(details.errors ?? {}), ...Object.keys(details.codes ?? {})]);
  for (const field of fields) {
    const sentence = details.errors?.[field] ?? message;
    fieldWords[field] = wordError(details.codes?.[field], sentence, locale);
  }
  // A refusal of fields only: the cms' message is its English list of them, so the whole
  // reads as the fields' own words (for a page that shows the refusal above the form).
  const whole = details.code || fields.size === 0 ? wordError(details.code ? { code: details.code, params: details.params } : undefined, message, locale) : [...new Set(Object.values(fieldWords))].join(' ');
  return { _: whole, ...fieldWords };
}

/** A page's own wording of a code for one of its fields ('A comment for the client is required'). */
export type OwnWording = Partial<Record<ErrorCode, (inputs: never, options: { locale: Locale }) => string>>;

/**
 * The errors a form shows when its own check (a shared schema, before the cms is asked) fails:
 * each field worded from its code (fieldCodes()), with the page's own message for a field and
 * code where it has one, else the catalogue's message for the code, else `sentences` (the
 * schema's English). No `_`: the fields say it all.
 */
export function wordFields(codes: Record<string, CodedError>, sentences: Record<string, string> = {}, own: Record<string, OwnWording> = {}, locale: Locale = getLocale()): Record<string, string> {
  const words: Record<string, string> = {};
  for (const [field, coded] of Object.entries(codes)) {
    const mine = own[field]?.[coded.code];
    words[field] = mine ? (mine as Wording)(formatParams(coded.params, locale), { locale }) : wordError(coded, sentences[field] ?? '', locale);
  }
  return words;
}
