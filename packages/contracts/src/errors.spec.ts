import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  addToCartSchema,
  chatErrorCode,
  CHAT_ERROR_CODES,
  ERROR_CODES,
  errorMessageKey,
  fieldCodes,
  fieldErrors,
  historyQuerySchema,
  inquirySchema,
  isErrorCode,
  productListQuerySchema,
  profileUpdateSchema,
  quantityRefusal,
  registrationSchema,
  resetPasswordSchema,
  simulatedCardSchema,
  statusChangeSchema,
  textField,
  textRefusal,
} from './index.ts';

const codesOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('accepted');
  return fieldCodes(result.error, value);
};

const valid = {
  companyName: 'Maison Lavande',
  siret: '73282932000074',
  firstName: 'Claire',
  lastName: 'Martin',
  email: 'claire@lavande.test',
  phone: '+33 1 23 45 67 89',
  billingAddress: { line1: '12 rue des Lilas', postalCode: '69003', city: 'Lyon', country: 'FR' },
  password: 'Gr33n-Supply-Chain!',
};

describe('the codes', () => {
  test('are named by feature, dot-separated, lower snake case, each with a catalogue key', () => {
    for (const code of Object.keys(ERROR_CODES)) {
      expect(code).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
      expect(errorMessageKey(code as never)).toMatch(/^error_[a-z_]+$/);
    }
    expect(errorMessageKey('quantity.below_minimum')).toBe('error_quantity_below_minimum');
  });

  test("every socket ack's code is in the list", () => {
    for (const code of CHAT_ERROR_CODES) expect(isErrorCode(chatErrorCode(code)), code).toBe(true);
  });
});

describe('zod issues as codes', () => {
  test('built-in rules map by kind, with their limits as parameters', () => {
    const text = textField('Company', { max: 5, min: 3 });
    expect(codesOf(text, undefined)).toEqual({ _: { code: 'text.required' } });
    expect(codesOf(text, '  ')).toEqual({ _: { code: 'text.required' } });
    expect(codesOf(text, 'ab')).toEqual({ _: { code: 'text.too_short', params: { min: 3 } } });
    expect(codesOf(text, 'abcdef')).toEqual({ _: { code: 'text.too_long', params: { max: 5 } } });
    expect(codesOf(text, 42)).toEqual({ _: { code: 'value.not_text' } });
    expect(codesOf(addToCartSchema, { product: 'box', quantity: 1.5 })).toEqual({ quantity: { code: 'value.not_whole_number' } });
    expect(codesOf(addToCartSchema, { product: 'box', quantity: 0 })).toEqual({ quantity: { code: 'number.not_positive' } });
    expect(codesOf(addToCartSchema, { product: 'box', quantity: 200_000_000 })).toEqual({ quantity: { code: 'number.too_large', params: { max: 100_000_000 } } });
    expect(codesOf(addToCartSchema, { product: 'box' })).toEqual({ quantity: { code: 'value.required' } });
    expect(codesOf(addToCartSchema, { product: 'box', quantity: 'many' })).toEqual({ quantity: { code: 'value.not_number' } });
    expect(codesOf(addToCartSchema, { product: 'box', quantity: 1000, role: 'admin' })).toEqual({ _: { code: 'request.unknown_fields', params: { fields: 'role' } } });
    expect(codesOf(productListQuerySchema, { sort: 'cheapest', pageSize: '500' })).toEqual({
      sort: { code: 'value.not_allowed', params: { allowed: 'name, price_asc, price_desc, newest, co2e' } },
      pageSize: { code: 'number.too_large', params: { max: 100 } },
    });
    expect(codesOf(statusChangeSchema, { status: 'shipped', comment: 'x'.repeat(2001) })).toEqual({ comment: { code: 'text.too_long', params: { max: 2000 } } });
    expect(codesOf(registrationSchema, { ...valid, email: 'claire@' }).email).toEqual({ code: 'email.invalid' });
  });

  test('our own rules carry their code, with their parameters', () => {
    const codes = codesOf(registrationSchema, {
      ...valid,
      companyName: 'Acme\u0000',
      siret: '73282932000075',
      vatNumber: 'US123',
      phone: 'call me',
      billingAddress: { line1: '1 rue\uD800', postalCode: '!', city: 'Lyon', country: 'France' },
      password: 'weakpassword',
      locale: 'de',
    });
    expect(codes).toEqual({
      companyName: { code: 'text.not_single_line' },
      siret: { code: 'siret.invalid_checksum' },
      vatNumber: { code: 'vat_number.invalid' },
      phone: { code: 'phone.invalid' },
      'billingAddress.line1': { code: 'text.broken_character' },
      'billingAddress.postalCode': { code: 'postal_code.invalid' },
      'billingAddress.country': { code: 'country.invalid' },
      password: { code: 'password.too_weak', params: { missing: 'upper,digit,special' } },
      locale: { code: 'locale.unknown' },
    });
    expect(codesOf(registrationSchema, { ...valid, siret: '123' }).siret).toEqual({ code: 'siret.invalid_format' });
    expect(codesOf(inquirySchema, { company: 'A', firstName: 'B', lastName: 'C', email: 'a@b.fr', subject: 'S', message: 'Hi\u0000 there, a quote' }).message).toEqual({ code: 'text.control_characters' });
    expect(codesOf(inquirySchema, { company: 'A', firstName: 'B', lastName: 'C', email: 'a@b.fr', subject: 'S', message: 'short' }).message).toEqual({ code: 'text.too_short', params: { min: 10 } });
    expect(codesOf(resetPasswordSchema, { code: 'x', password: valid.password, passwordConfirmation: 'other' })).toEqual({
      code: { code: 'password_reset.link_malformed' },
      passwordConfirmation: { code: 'password.mismatch' },
    });
    expect(codesOf(profileUpdateSchema, {})).toEqual({ _: { code: 'profile.nothing_to_change' } });
    expect(codesOf(simulatedCardSchema, { cardNumber: '12', expiry: '13/30', cvc: 'abc' })).toEqual({
      cardNumber: { code: 'card.number_invalid' },
      expiry: { code: 'card.expiry_invalid' },
      cvc: { code: 'card.cvc_invalid' },
    });
    expect(codesOf(historyQuerySchema, { before: '5', after: '3' })).toEqual({ after: { code: 'chat.before_and_after' } });
  });

  test('give one code per field, for the same issue as the sentence', () => {
    const result = registrationSchema.safeParse({ ...valid, companyName: '', password: 'x' });
    expect(result.success).toBe(false);
    const errors = fieldErrors(result.error!);
    const codes = fieldCodes(result.error!);
    expect(Object.keys(codes)).toEqual(Object.keys(errors));
    expect(errors.companyName).toBe('Company name is required');
    expect(codes.companyName).toEqual({ code: 'text.required' });
  });

  test('without the input, a missing text and a text of the wrong type both read as required', () => {
    const text = textField('Company', { max: 5 });
    expect(fieldCodes(text.safeParse(42).error!)).toEqual({ _: { code: 'text.required' } });
    expect(fieldCodes(text.safeParse(42, { reportInput: true }).error!)).toEqual({ _: { code: 'value.not_text' } });
  });

  test('a custom rule without a code still maps to a code of the list', () => {
    const schema = z.string().refine(() => false, 'Nope');
    expect(codesOf(schema, 'x')).toEqual({ _: { code: 'value.invalid' } });
  });

  test('every code produced is in the list', () => {
    for (const codes of [codesOf(registrationSchema, {}), codesOf(productListQuerySchema, { page: '0', priceMin: '-1', q: 'x'.repeat(101) })]) {
      for (const { code } of Object.values(codes)) expect(isErrorCode(code), code).toBe(true);
    }
  });
});

describe('refusals made with their sentence', () => {
  const rules = { minQuantity: 1000, quantityStep: 500, stock: 12_000 };
  test('quantities: the code, its limits and the English sentence', () => {
    expect(quantityRefusal(999, rules)).toEqual({ code: 'quantity.below_minimum', params: { min: 1000 }, message: 'The minimum order is 1,000\u00a0units' });
    expect(quantityRefusal(1250, rules)).toMatchObject({ code: 'quantity.wrong_step', params: { step: 500, min: 1000, example: 1500 } });
    expect(quantityRefusal(12_500, rules)).toMatchObject({ code: 'quantity.above_stock', params: { stock: 12_000 } });
    expect(quantityRefusal(1000, { ...rules, stock: 0 })).toMatchObject({ code: 'quantity.out_of_stock' });
    expect(quantityRefusal(1.5, rules)).toMatchObject({ code: 'quantity.not_whole' });
    expect(quantityRefusal(1500, rules)).toBeNull();
  });

  test('text', () => {
    expect(textRefusal('Name', 'a\tb', 'single-line')).toMatchObject({ code: 'text.not_single_line' });
    expect(textRefusal('Name', 'a\tb', 'multi-line')).toBeNull();
  });
});
