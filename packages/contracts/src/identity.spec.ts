import { describe, expect, test } from 'vitest';
import { isPlausibleEuVatNumber, isValidSiret, passwordRules, passwordSchema } from './identity.ts';
import { registrationSchema } from './account.ts';
import { fieldErrors } from './errors.ts';

describe('SIRET', () => {
  test.each(['73282932000074', '732 829 320 00074', '44306184100047'])('accepts %s, whose Luhn key is valid', (siret) => {
    expect(isValidSiret(siret)).toBe(true);
  });
  test.each(['73282932000075', '7328293200007', '7328293200007A', '', '000000000000001'])('refuses %s', (siret) => {
    expect(isValidSiret(siret)).toBe(false);
  });
});

describe('EU VAT number', () => {
  test.each(['FR40303265045', 'fr 40 303 265 045', 'DE123456789', 'EL123456789'])('accepts %s', (v) => expect(isPlausibleEuVatNumber(v)).toBe(true));
  test.each(['US123456789', 'FR', 'FR4030326504512345', '40303265045'])('refuses %s', (v) => expect(isPlausibleEuVatNumber(v)).toBe(false));
});

describe('password rules', () => {
  test('lists what a password still lacks, as a form shows while typing', () => {
    const unmet = (p: string) => passwordRules.filter((r) => !r.test(p)).map((r) => r.id);
    expect(unmet('')).toEqual(['length', 'lower', 'upper', 'digit', 'special']);
    expect(unmet('abcdefghijkl')).toEqual(['upper', 'digit', 'special']);
    expect(unmet('Écologique-2026')).toEqual([]);
  });
  test('the schema names every missing rule in one message', () => {
    const result = passwordSchema.safeParse('short');
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].message).toBe('Password needs: at least 12 characters, an upper-case letter, a digit, a special character');
  });
});

describe('registration schema', () => {
  const valid = {
    companyName: ' Green Co ',
    siret: '732 829 320 00074',
    firstName: 'Ana',
    lastName: 'Lopes',
    email: ' Ana.Lopes@Green.CO ',
    phone: '+33 6 12 34 56 78',
    billingAddress: { line1: '1 quai Vert', postalCode: '33000', city: 'Bordeaux', country: 'fr' },
    password: 'Écologique-2026',
  };
  test('normalises what people type', () => {
    const parsed = registrationSchema.parse(valid);
    expect(parsed).toMatchObject({ companyName: 'Green Co', siret: '73282932000074', email: 'ana.lopes@green.co', vatNumber: '', billingAddress: { country: 'FR', line2: '' } });
  });
  test('gives one message per field, keyed by its path', () => {
    const result = registrationSchema.safeParse({ ...valid, siret: '1', billingAddress: { ...valid.billingAddress, city: '' }, role: 'admin' });
    expect(fieldErrors(result.error!)).toEqual({ siret: 'SIRET must be 14 digits', 'billingAddress.city': 'City is required', _: 'Unrecognized key: "role"' });
  });
});
