import { loginSchema, registrationSchema, simulatedCardSchema } from '@ventalis/contracts';
import { describe, expect, it } from 'vitest';
import { inLocale } from '../testing/locale.ts';
import { CmsError } from './cms.ts';
import { invalidFields, signInRefusal } from './form-errors.ts';

const failedParse = (schema: { safeParse(input: unknown): { success: boolean; error?: unknown } }, input: unknown) => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected the input to be refused');
  return parsed.error as Parameters<typeof invalidFields>[0];
};

describe('invalidFields', () => {
  const card = { cardNumber: '1234', expiry: '13/30', cvc: '12' };

  it('words each refused field in the page language, from its code', () => {
    const error = failedParse(simulatedCardSchema, card);
    expect(inLocale('fr', () => invalidFields(error, card))).toEqual({
      cardNumber: 'Ce numéro de carte n’est pas valide.',
      expiry: 'Saisissez une date d’expiration valide (MM/AA).',
      cvc: 'Saisissez les 3 ou 4 chiffres du cryptogramme.',
    });
    expect(inLocale('en', () => invalidFields(error, card)).cardNumber).not.toMatch(/numéro/);
  });

  it('names address fields as the form does, and tells a missing field from a malformed one', () => {
    const input = { companyName: '', siret: '123', firstName: 'Claire', lastName: 'Dubois', email: 'not-an-email', phone: '0102030405', billingAddress: { line1: '1 rue de la Paix', postalCode: '75002', city: '', country: 'FR' }, password: 'Lavande-2026!x', locale: 'fr' };
    const errors = inLocale('fr', () => invalidFields(failedParse(registrationSchema, input), input));
    expect(Object.keys(errors).sort()).toEqual(['city', 'companyName', 'email', 'siret']);
    expect(errors.city).toMatch(/obligatoire|renseign|saisi/i);
    expect(errors.email).toBe(inLocale('fr', () => invalidFields(failedParse(loginSchema, { identifier: 'x', password: 'p' }), {})).identifier);
    // Only refusals of the whole form go above it.
    expect(errors._).toBeUndefined();
  });
});

describe('signInRefusal', () => {
  it('puts wrong credentials beside the password, in the page language', () => {
    const refused = new CmsError(400, 'Invalid identifier or password', {}, { code: 'auth.invalid_credentials' });
    expect(inLocale('fr', () => signInRefusal(refused))).toEqual({ password: 'Adresse e-mail ou mot de passe incorrect.' });
  });

  it('says above the form why an account cannot sign in', () => {
    const blocked = new CmsError(400, 'Your account has been blocked by an administrator', {}, { code: 'auth.blocked' });
    expect(inLocale('fr', () => signInRefusal(blocked))._).toBe('Ce compte est bloqué. Contactez-nous pour en savoir plus.');
    const limited = new CmsError(429, 'Too many attempts', {}, { code: 'request.too_many_attempts', params: { retryAfterSeconds: 60 } });
    expect(inLocale('fr', () => signInRefusal(limited))._).toBe('Trop de tentatives\u00a0: veuillez réessayer dans 60 secondes.');
  });
});
