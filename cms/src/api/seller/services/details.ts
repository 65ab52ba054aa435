import type { Core } from '@strapi/strapi';
import { sellerDetailsSchema, type SellerDetails, type SellerDetailsInput } from '@ventalis/contracts';

export const SELLER = 'api::seller.seller';
const ADDRESS_FIELDS = ['line1', 'line2', 'postalCode', 'city', 'country'] as const;
const FIELDS = ['legalName', 'legalForm', 'shareCapitalEuros', 'siren', 'siret', 'rcsCity', 'vatNumber', 'iban', 'bic', 'latePenaltyRateBasisPoints'] as const;

type Row = Record<string, unknown>;

/** The seller's details as the rules read them, out of a stored row or a panel form (without ids and the like). */
export function sellerInput(row: Row): SellerDetailsInput {
  const address = (row.address ?? {}) as Row;
  const pick = (source: Row, keys: readonly string[]) => Object.fromEntries(keys.filter((key) => source[key] !== undefined && source[key] !== null).map((key) => [key, source[key]]));
  return { ...pick(row, FIELDS), address: pick(address, ADDRESS_FIELDS) } as unknown as SellerDetailsInput;
}

/** Who Ventalis is on its invoices: the single type administrators keep in the panel. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The details as they stand, or null while an administrator has not filled them in (or left them invalid). */
  async current(): Promise<SellerDetails | null> {
    const row = await strapi.db.query(SELLER).findOne({ populate: { address: true } });
    if (!row) return null;
    const parsed = sellerDetailsSchema.safeParse(sellerInput(row));
    return parsed.success ? parsed.data : null;
  },
});
