import { z } from 'zod';
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { addressSchema } from './account.ts';
import { isValidSiren, isValidSiret, normaliseVatNumber } from './identity.ts';
import { rule } from './error-codes.ts';
import { textField } from './text.ts';

/**
 * The seller's details every invoice carries (French law): who Ventalis is, where, under
 * which numbers, and where to pay. Administrators keep them in the panel; the rules are here.
 */

/** The French VAT number of a SIREN: FR, a two-digit key, the SIREN (key = (12 + 3 × (SIREN mod 97)) mod 97). */
export function frenchVatNumberOf(siren: string): string {
  const digits = siren.replace(/\s+/g, '');
  const key = (12 + 3 * (Number(digits) % 97)) % 97;
  return `FR${String(key).padStart(2, '0')}${digits}`;
}

const digitsOnly = (value: string) => value.replace(/\s+/g, '');

export const sellerDetailsSchema = z
  .strictObject({
    legalName: textField('Legal name', { max: 120 }),
    /** SAS, SARL, SA… */
    legalForm: textField('Legal form', { max: 60 }),
    shareCapitalEuros: z.number({ error: 'The share capital is a number of euros' }).int('The share capital is a whole number of euros').min(1, 'The share capital is at least €1').max(2_000_000_000, 'The share capital is at most €2,000,000,000'),
    address: addressSchema,
    siren: z.string({ error: 'SIREN is required' }).transform(digitsOnly).refine(isValidSiren, rule('siren.invalid', 'SIREN must be 9 digits with a valid check digit')),
    siret: z.string({ error: 'SIRET is required' }).transform(digitsOnly).refine(isValidSiret, rule('siret.invalid_checksum', 'SIRET is not valid: its check digit does not match')),
    /** The city of the trade register (RCS) the company is registered at. */
    rcsCity: textField('RCS city', { max: 80 }),
    vatNumber: z.string({ error: 'The VAT number is required' }).transform(normaliseVatNumber),
    iban: z.string({ error: 'The IBAN is required' }).transform((value) => electronicFormatIBAN(value) ?? '').refine((value) => isValidIBAN(value), rule('iban.invalid', 'This IBAN is not valid: check its country, length and check digits')),
    bic: z.string({ error: 'The BIC is required' }).transform((value) => value.replace(/\s+/g, '').toUpperCase()).refine((value) => isValidBIC(value), rule('bic.invalid', 'This BIC is not valid: 8 or 11 letters and digits')),
    /** Late-payment penalty rate, in basis points a year (1215 = 12.15 %). */
    latePenaltyRateBasisPoints: z.number({ error: 'The penalty rate is a number of basis points' }).int('The penalty rate is a whole number of basis points').min(1, 'The penalty rate is above zero').max(10_000, 'The penalty rate is at most 10,000 basis points (100 %)'),
  })
  .superRefine((seller, context) => {
    // An invalid SIREN is the one mistake to name: the numbers made from it are checked once it is right.
    if (!isValidSiren(seller.siren)) return;
    if (!seller.siret.startsWith(seller.siren)) context.addIssue({ code: 'custom', path: ['siret'], ...rule('siret.not_of_siren', 'The SIRET starts with the SIREN of the same company') });
    if (seller.vatNumber !== frenchVatNumberOf(seller.siren)) context.addIssue({ code: 'custom', path: ['vatNumber'], ...rule('vat_number.not_of_siren', 'This is not the French VAT number of this SIREN', { expected: frenchVatNumberOf(seller.siren) }) });
  });
export type SellerDetails = z.infer<typeof sellerDetailsSchema>;
export type SellerDetailsInput = z.input<typeof sellerDetailsSchema>;
