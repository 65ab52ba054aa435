import { z } from 'zod';
import { passwordRules } from './password-rules.ts';
import { rule } from './error-codes.ts';

export { PASSWORD_MIN_LENGTH, passwordRules } from './password-rules.ts';

/** Whether a string of digits passes the Luhn check (SIREN and SIRET numbers do). */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** SIRET: 14 digits whose Luhn checksum is valid (spaces allowed when typed). */
export function isValidSiret(value: string): boolean {
  const digits = value.replace(/\s+/g, '');
  return /^\d{14}$/.test(digits) && passesLuhn(digits);
}

/** SIREN, the company's own number (a SIRET's first 9 digits): 9 digits whose Luhn checksum is valid. */
export function isValidSiren(value: string): boolean {
  const digits = value.replace(/\s+/g, '');
  return /^\d{9}$/.test(digits) && passesLuhn(digits);
}

/**
 * EU VAT number: two-letter country prefix then 2–13 letters or digits.
 * The exact per-country format is checked by VIES in real life; here we refuse
 * what cannot possibly be one.
 */
const EU_VAT_PREFIXES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'EL', 'ES', 'FI', 'FR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'XI',
];
export function normaliseVatNumber(value: string): string {
  return value.replace(/[\s.-]+/g, '').toUpperCase();
}
/** The VAT prefix of an EU member state's country code: Greece writes EL; Northern Ireland (XI) ships goods under EU rules. */
const vatPrefixOfCountry = (country: string) => (country === 'GR' ? 'EL' : country);

/**
 * How VAT applies to a buyer: a company established in another EU member state, with a VAT
 * number of that state, buys exempt of French VAT (intra-Community supply, article 262 ter I
 * CGI); any other buyer pays French VAT.
 */
export function vatRegimeOf(buyer: { country: string | null | undefined; vatNumber: string | null | undefined }): 'domestic' | 'intra_community' {
  const country = (buyer.country ?? '').trim().toUpperCase();
  const vatNumber = normaliseVatNumber(buyer.vatNumber ?? '');
  if (country === 'FR' || !EU_VAT_PREFIXES.includes(vatPrefixOfCountry(country))) return 'domestic';
  return isPlausibleEuVatNumber(vatNumber) && vatNumber.startsWith(vatPrefixOfCountry(country)) ? 'intra_community' : 'domestic';
}

export function isPlausibleEuVatNumber(value: string): boolean {
  const v = normaliseVatNumber(value);
  return EU_VAT_PREFIXES.includes(v.slice(0, 2)) && /^[A-Z0-9]{2,13}$/.test(v.slice(2));
}

export const passwordSchema = z
  .string({ error: 'Password is required' })
  .max(128, 'Password must be at most 128 characters')
  .superRefine((password, ctx) => {
    const missing = passwordRules.filter((r) => !r.test(password));
    if (missing.length > 0) {
      const { message, params } = rule('password.too_weak', `Password needs: ${missing.map((r) => r.label.toLowerCase()).join(', ')}`, { missing: missing.map((r) => r.id).join(',') });
      ctx.addIssue({ code: 'custom', message, params });
    }
  });

export const emailSchema = z
  .string({ error: 'Email is required' })
  .trim()
  .max(254, 'Email must be at most 254 characters')
  .pipe(z.email('Email must be a valid address, like name@company.com'))
  .transform((email) => email.toLowerCase());

/** French and international phone numbers: digits, spaces, dots, dashes, a leading +. */
export const phoneSchema = z
  .string({ error: 'Phone is required' })
  .trim()
  .refine((phone) => /^\+?[0-9][0-9 .-]{7,19}$/.test(phone), rule('phone.invalid', 'Phone must be a phone number, like +33 1 23 45 67 89'));
