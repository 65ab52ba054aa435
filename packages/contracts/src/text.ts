import { z } from 'zod';
import { refusal, type Refusal } from './error-codes.ts';

/**
 * Text a person typed. Control characters never belong in it: a NUL makes PostgreSQL
 * refuse the whole write, and the others (escape, backspace, bell…) only garble what
 * the next reader sees. A text area keeps its line breaks (\n, or \r\n from browsers)
 * and tabs; a one-line field keeps none. Lone UTF-16 surrogates (half an emoji) cannot
 * be stored either: they would come back as "�".
 */
export type TextKind = 'single-line' | 'multi-line';

const CONTROL = {
  'single-line': /[\u0000-\u001F\u007F-\u009F]/,
  // \r only as part of \r\n.
  'multi-line': /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/,
} as const satisfies Record<TextKind, RegExp>;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text cannot be stored, as a code and a sentence about `label`; null when it can. */
export function textRefusal(label: string, value: string, kind: TextKind): Refusal | null {
  if (CONTROL[kind].test(value)) {
    return kind === 'single-line'
      ? refusal('text.not_single_line', `${label} must be a single line without control characters (line breaks, tabs, NUL…): remove them`)
      : refusal('text.control_characters', `${label} cannot contain control characters other than line breaks and tabs (such as NUL): remove them`);
  }
  if (LONE_SURROGATE.test(value)) return refusal('text.broken_character', `${label} contains a broken character (half of an emoji or symbol): type it again`);
  return null;
}

/** Why a text cannot be stored, as a sentence about `label`; null when it can. */
export function textProblem(label: string, value: string, kind: TextKind): string | null {
  return textRefusal(label, value, kind)?.message ?? null;
}

interface TextOptions {
  max: number;
  /** Default 1: the field is required. 0 accepts an empty text (the field itself may still be omitted with .optional()). */
  min?: number;
  kind?: TextKind;
  /** Wording that forms already show, when it differs from the generic one. */
  messages?: { required?: string; tooLong?: string };
}

/**
 * The schema of every free-text field of every write (and of free-text search):
 * trimmed, refused with a message naming the field when empty, too long, or
 * carrying characters that cannot be stored.
 */
export function textField(label: string, { max, min = 1, kind = 'single-line', messages = {} }: TextOptions) {
  const required = messages.required ?? `${label} is required`;
  let schema = z.string({ error: (issue) => (issue.input === undefined ? required : `${label} must be text`) }).trim();
  if (min > 0) schema = schema.min(1, required);
  if (min > 1) schema = schema.min(min, `${label} must be at least ${min} characters`);
  return schema.max(max, messages.tooLong ?? `${label} must be at most ${max} characters`).superRefine((value, ctx) => {
    const problem = textRefusal(label, value, kind);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { code: problem.code } });
  });
}
