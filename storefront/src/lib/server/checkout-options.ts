import type { CheckoutOptions } from '@ventalis/contracts';
import { wordError } from '../errors.ts';
import { CmsError } from './cms.ts';
import { cms } from './services.ts';

/**
 * What ordering offers this member (card, on invoice with the credit left): the cart's checkout
 * and the acceptance of a quote. Null, with the reason worded, for someone who may not order.
 */
export async function checkoutOptions(jwt: string): Promise<{ options: CheckoutOptions | null; cannotOrder: string | null }> {
  try {
    return { options: await cms.getCheckoutOptions(jwt), cannotOrder: null };
  } catch (failure) {
    if (failure instanceof CmsError && failure.status === 403 && failure.codes.code) return { options: null, cannotOrder: wordError({ code: failure.codes.code, params: failure.codes.params }, failure.message) };
    throw failure;
  }
}
