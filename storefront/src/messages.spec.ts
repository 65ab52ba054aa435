/**
 * The message catalogue (messages/fr.json, messages/en.json): every message exists in both
 * languages with the same parameters, and every error code the cms may send has its message.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ERROR_CODES, errorMessageKey, type ErrorCode } from '@ventalis/contracts/error-codes';
import { LOCALES, type Locale } from '@ventalis/contracts/locale';
import { describe, expect, it } from 'vitest';
import { wordError, wordRefusal } from '#lib/errors.ts';

type Message = string | { declarations?: string[]; match?: Record<string, string> }[];

const catalogue = Object.fromEntries(
  LOCALES.map((locale) => {
    const file = path.join(import.meta.dirname, '..', 'messages', `${locale}.json`);
    const { $schema: _schema, ...messages } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Message>;
    return [locale, messages];
  }),
) as Record<Locale, Record<string, Message>>;

/** The parameters a message takes: its {placeholders}, and the inputs its variants declare. */
function parameters(message: Message): string[] {
  const names = new Set<string>();
  const placeholders = (text: string) => {
    for (const [, name] of text.matchAll(/\{([A-Za-z_][\w]*)\}/g)) names.add(name);
  };
  if (typeof message === 'string') placeholders(message);
  else
    for (const variant of message) {
      for (const declaration of variant.declarations ?? []) {
        const input = /^input (\w+)$/.exec(declaration);
        if (input) names.add(input[1]);
      }
      for (const text of Object.values(variant.match ?? {})) placeholders(text);
    }
  // Local variables (`local countPlural = count: plural`) are not parameters.
  for (const variant of typeof message === 'string' ? [] : message)
    for (const declaration of variant.declarations ?? []) {
      const local = /^local (\w+) =/.exec(declaration);
      if (local) names.delete(local[1]);
    }
  return [...names].sort();
}

describe('the message catalogue', () => {
  it('has the same messages in French and in English', () => {
    const fr = Object.keys(catalogue.fr).sort();
    const en = Object.keys(catalogue.en).sort();
    expect(fr.filter((key) => !en.includes(key)), 'missing in en.json').toEqual([]);
    expect(en.filter((key) => !fr.includes(key)), 'missing in fr.json').toEqual([]);
  });

  it('gives each message the same parameters in both languages', () => {
    const differing = Object.keys(catalogue.fr)
      .filter((key) => key in catalogue.en)
      .filter((key) => parameters(catalogue.fr[key]).join() !== parameters(catalogue.en[key]).join())
      .map((key) => `${key}: fr {${parameters(catalogue.fr[key]).join(', ')}} / en {${parameters(catalogue.en[key]).join(', ')}}`);
    expect(differing).toEqual([]);
  });

  it('names messages by feature, in lower snake case', () => {
    for (const locale of LOCALES) expect(Object.keys(catalogue[locale]).filter((key) => !/^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/.test(key))).toEqual([]);
  });

  it('writes no empty message', () => {
    for (const locale of LOCALES) expect(Object.entries(catalogue[locale]).filter(([, message]) => typeof message === 'string' && message.trim() === '')).toEqual([]);
  });

  it('finds the parameters of plain and plural messages', () => {
    expect(parameters('Page {page} of {count}')).toEqual(['count', 'page']);
    expect(parameters(catalogue.fr.catalogue_result_count)).toEqual(['count', 'shown']);
  });
});

describe('the error codes of the cms', () => {
  const codes = Object.keys(ERROR_CODES) as ErrorCode[];

  it.each(LOCALES)('each has its message in %s', (locale) => {
    expect(codes.filter((code) => !(errorMessageKey(code) in catalogue[locale]))).toEqual([]);
  });

  it('each message uses only the parameters its code sends', () => {
    const extra = codes.flatMap((code) =>
      LOCALES.flatMap((locale) => {
        const message = catalogue[locale][errorMessageKey(code)];
        if (message === undefined) return [];
        const sent: readonly string[] = ERROR_CODES[code];
        return parameters(message)
          .filter((name) => !sent.includes(name))
          .map((name) => `${locale} ${code}: {${name}}`);
      }),
    );
    expect(extra).toEqual([]);
  });

  it("words a code in the request's language, and keeps the cms' sentence for a code it does not know", () => {
    expect(wordError({ code: 'locale.unknown' }, 'This language is not available', 'fr')).toMatch(/^Cette langue n’est pas proposée/);
    expect(wordError({ code: 'locale.unknown' }, 'ignored', 'en')).toBe('This language is not available: choose French or English.');
    expect(wordError({ code: 'no.such_code' as ErrorCode }, 'The cms says so', 'fr')).toBe('The cms says so');
    expect(wordError(undefined, 'The cms says so', 'fr')).toBe('The cms says so');
  });

  it('words the refusal of a form: the request as a whole and each field', () => {
    const words = wordRefusal(
      'Invalid request',
      { code: 'locale.unknown', errors: { quantity: 'The minimum order is 1,000 units', email: 'Email is invalid' }, codes: { quantity: { code: 'locale.unknown' } } },
      'en',
    );
    expect(words).toEqual({ _: 'This language is not available: choose French or English.', quantity: 'This language is not available: choose French or English.', email: 'Email is invalid' });
    expect(wordRefusal('Too many requests', {}, 'fr')).toEqual({ _: 'Too many requests' });
    // Fields only: the whole reads as the fields' words, not the cms' English list of them.
    expect(
      wordRefusal('quantity: The minimum order is 1,000 units', { errors: { quantity: 'The minimum order is 1,000 units' }, codes: { quantity: { code: 'quantity.below_minimum', params: { min: 1000 } } } }, 'fr'),
    ).toEqual({ _: 'La commande minimum est de 1\u202f000 unités.', quantity: 'La commande minimum est de 1\u202f000 unités.' });
  });
});
