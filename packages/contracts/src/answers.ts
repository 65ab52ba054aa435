import { z } from 'zod';
import { LOCALES } from './locale.ts';
import { ERROR_CODES, type CodedError, type ErrorCode } from './error-codes.ts';

/**
 * Building blocks of the cms' answers (responses), from which each answer's schema is made:
 * the types the storefront and the chat-server read are inferred from them, and the API
 * description (api-description.ts) is generated from them, so an answer is written once.
 * Answers are strict: a field the cms adds must be described here first (the contract test
 * in cms/tests/api-description.test.ts checks real answers against the description).
 */

/** A moment, as the cms writes it: `2026-12-05T13:42:00.000Z`. */
export const timestamp = z.iso.datetime({ offset: true });
/** A calendar day, `2026-12-05`. */
export const calendarDay = z.iso.date();
/** An amount in euro cents (integers everywhere in Ventalis). */
export const cents = z.number().int();
export const localeAnswer = z.enum(LOCALES);

/** `{ data: T }`: how the cms wraps most answers. */
export const dataOf = <T extends z.ZodType>(item: T) => z.strictObject({ data: item });

export const paginationSchema = z.strictObject({ page: z.number().int(), pageSize: z.number().int(), pageCount: z.number().int(), total: z.number().int() });

/** A page of a list: `{ data: T[], meta: { pagination } }`. */
export const pageOf = <T extends z.ZodType>(item: T) => z.strictObject({ data: z.array(item), meta: z.strictObject({ pagination: paginationSchema }) });

/** `{ ok: true }`: done, nothing to read back. */
export const okSchema = z.strictObject({ ok: z.literal(true) });

/** A refusal as a code and its parameters, which the storefront words in the reader's language. */
export const codedErrorSchema = z.strictObject({
  code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
}) satisfies z.ZodType<CodedError>;
