import type { Core } from '@strapi/strapi';
import { sellerDetailsSchema } from '@ventalis/contracts';
import { documentValidationError } from '../utils/validation';
import type { Middleware } from './consultant-accounts';
import { SELLER, sellerInput } from '../api/seller/services/details';

type Data = Record<string, unknown>;

/**
 * The seller's details are checked by the same rules wherever they are written (the panel,
 * the demo data): SIREN and SIRET with their check digits and of the same company, the VAT
 * number of that SIREN, a valid IBAN and BIC. They are stored as the rules write them
 * (digits only, upper case), so every invoice prints them alike.
 */
export const sellerDetails = (strapi: Core.Strapi): Middleware => async (context, next) => {
  if (context.uid !== SELLER || !['create', 'update'].includes(context.action)) return next();
  const params = context.params as { data?: Data };
  const stored = context.action === 'update' ? await strapi.db.query(SELLER).findOne({ populate: { address: true } }) : null;
  const data = { ...(stored ?? {}), ...(params.data ?? {}) } as Data;
  const input = sellerInput(data);
  const result = sellerDetailsSchema.safeParse(input);
  if (!result.success) throw documentValidationError(result.error, input);
  const { address, ...details } = result.data;
  const storedAddress = (data.address ?? {}) as Data;
  params.data = { ...(params.data ?? {}), ...details, address: { ...('id' in storedAddress ? { id: storedAddress.id } : {}), ...address } };
  return next();
};
