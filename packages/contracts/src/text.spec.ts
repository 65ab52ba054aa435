import { describe, expect, test } from 'vitest';
import { fieldErrors, inquirySchema, messageBodySchema, noteSchema, productListQuerySchema, registrationSchema, statusChangeSchema, textField } from './index.ts';

const line = textField('Company', { max: 120 });
const area = textField('Message', { max: 5000, kind: 'multi-line' });
const errorOf = (schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? null : fieldErrors(result.error as never);
};

describe('one-line text', () => {
  test.each(['Acme\u0000', 'Ac\nme', 'Ac\tme', 'Ac\r\nme', 'Acme\u001B[31m', 'Acme\u007F', 'Acme\u0085'])('refuses control characters: %j', (value) => {
    expect(errorOf(line, value)).toEqual({ _: 'Company must be a single line without control characters (line breaks, tabs, NUL…): remove them' });
  });

  test('keeps accents, emoji and other scripts, trimmed', () => {
    expect(line.parse('  Éco Café 🌱 株式会社  ')).toBe('Éco Café 🌱 株式会社');
  });

  test('refuses half an emoji, a wrong type, and nothing at all, naming the field', () => {
    expect(errorOf(line, 'Acme \uD83C')).toEqual({ _: 'Company contains a broken character (half of an emoji or symbol): type it again' });
    expect(errorOf(line, 42)).toEqual({ _: 'Company must be text' });
    expect(errorOf(line, undefined)).toEqual({ _: 'Company is required' });
    expect(errorOf(line, '   ')).toEqual({ _: 'Company is required' });
  });
});

describe('multi-line text', () => {
  test('keeps line breaks (\\n and \\r\\n) and tabs', () => {
    expect(area.parse('Hello,\r\n\tline two\nline three')).toBe('Hello,\r\n\tline two\nline three');
  });

  test.each(['Hello\u0000', 'Hello\rworld', 'Hello\u0008', 'Hello\u000Bworld', 'Hello\u000C world'])('refuses other control characters: %j', (value) => {
    expect(errorOf(area, value)).toEqual({ _: 'Message cannot contain control characters other than line breaks and tabs (such as NUL): remove them' });
  });
});

describe('every write shape uses it', () => {
  test('inquiry, registration, chat message, status comment and note refuse a NUL on the field', () => {
    const inquiry = { company: 'Acme\u0000', firstName: 'Léa', lastName: 'Petit', email: 'lea@acme.test', subject: 'Hello', message: 'A long enough message.' };
    expect(Object.keys(errorOf(inquirySchema, inquiry)!)).toEqual(['company']);
    expect(Object.keys(errorOf(inquirySchema, { ...inquiry, company: 'Acme', message: 'Line one\nline two\u0000' })!)).toEqual(['message']);
    const registration = errorOf(registrationSchema, { companyName: 'Acme\u0000', billingAddress: { line1: '1 rue\u0000', city: 'Lyon' } })!;
    expect(registration.companyName).toMatch(/control characters/);
    expect(registration['billingAddress.line1']).toMatch(/control characters/);
    expect(errorOf(messageBodySchema, { body: 'hi\u0000' })).toEqual({ body: expect.stringMatching(/^The message cannot contain control characters/) });
    expect(errorOf(statusChangeSchema, { status: 'shipped', comment: 'Sent\u0000' })).toEqual({ comment: expect.stringMatching(/^Comment cannot contain/) });
    expect(errorOf(noteSchema, { body: '\u0000' })).toEqual({ body: expect.stringMatching(/^Note cannot contain/) });
  });

  test('keeps the wording forms already show', () => {
    expect(errorOf(messageBodySchema, { body: ' ' })).toEqual({ body: 'The message is empty' });
    expect(errorOf(statusChangeSchema, { status: 'shipped', comment: '' })).toEqual({ comment: 'A comment for the client is required' });
    expect(errorOf(inquirySchema, { company: 'A', firstName: 'B', lastName: 'C', email: 'a@b.test', subject: 'S', message: '' })).toEqual({ message: 'Message is required' });
    expect(errorOf(inquirySchema, { company: 'A', firstName: 'B', lastName: 'C', email: 'a@b.test', subject: 'S', message: 'short' })).toEqual({ message: 'Message must be at least 10 characters' });
  });

  test('a search text with a NUL is refused too (PostgreSQL cannot compare it)', () => {
    expect(errorOf(productListQuerySchema, { q: 'box\u0000' })).toEqual({ q: expect.stringMatching(/^q must be a single line/) });
  });
});
