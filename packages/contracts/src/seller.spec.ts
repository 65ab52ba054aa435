import { describe, expect, test } from 'vitest';
import { frenchVatNumberOf, sellerDetailsSchema, type SellerDetailsInput } from './seller.ts';
import { isValidSiren } from './identity.ts';

const valid: SellerDetailsInput = {
  legalName: 'Ventalis SAS',
  legalForm: 'SAS',
  shareCapitalEuros: 50_000,
  address: { line1: '12 rue de la République', line2: '', postalCode: '69002', city: 'Lyon', country: 'FR' },
  siren: '552 100 554',
  siret: '552 100 554 00013',
  rcsCity: 'Lyon',
  vatNumber: 'fr 96 552100554',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  bic: 'bnpa fr pp xxx',
  latePenaltyRateBasisPoints: 1215,
};
/** The codes of the fields refused, by field. */
const refusals = (input: unknown) => {
  const result = sellerDetailsSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), (issue as { params?: { code?: string } }).params?.code ?? issue.code]));
};

describe("the seller's details", () => {
  test('are kept as the numbers are written on invoices: digits without spaces, IBAN and BIC in capitals', () => {
    expect(sellerDetailsSchema.parse(valid)).toMatchObject({ siren: '552100554', siret: '55210055400013', vatNumber: 'FR96552100554', iban: 'FR7630006000011234567890189', bic: 'BNPAFRPPXXX' });
  });

  test('the French VAT number follows from the SIREN, and a SIREN has a check digit', () => {
    expect(frenchVatNumberOf('552100554')).toBe('FR96552100554');
    expect(isValidSiren('552100554')).toBe(true);
    expect(isValidSiren('552100555')).toBe(false);
    expect(isValidSiren('55210055')).toBe(false);
  });

  test('refuse each wrong number with its own code', () => {
    // Only the SIREN is named: the SIRET and VAT number made from it are checked once it is right.
    expect(refusals({ ...valid, siren: '552100555' })).toEqual({ siren: 'siren.invalid' });
    expect(refusals({ ...valid, siret: '73282932000074' })).toEqual({ siret: 'siret.not_of_siren' });
    expect(refusals({ ...valid, siret: '55210055400014' })).toEqual({ siret: 'siret.invalid_checksum' });
    expect(refusals({ ...valid, vatNumber: 'FR40552100554' })).toEqual({ vatNumber: 'vat_number.not_of_siren' });
    expect(refusals({ ...valid, iban: 'FR76 3000 6000 0112 3456 7890 188' })).toEqual({ iban: 'iban.invalid' });
    expect(refusals({ ...valid, bic: 'BNPA-FR' })).toEqual({ bic: 'bic.invalid' });
  });

  test('refuse a capital or a penalty rate that is not a whole positive number within bounds', () => {
    for (const shareCapitalEuros of [0, -5, 1.5]) expect(Object.keys(refusals({ ...valid, shareCapitalEuros }))).toEqual(['shareCapitalEuros']);
    for (const latePenaltyRateBasisPoints of [0, 10_001, 12.5]) expect(Object.keys(refusals({ ...valid, latePenaltyRateBasisPoints }))).toEqual(['latePenaltyRateBasisPoints']);
    expect(Object.keys(refusals({ ...valid, extra: true }))).toEqual(['']);
  });
});
