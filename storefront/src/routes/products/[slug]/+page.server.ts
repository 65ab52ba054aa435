import { error } from '@sveltejs/kit';
import { lineAmounts } from '@ventalis/contracts';
import { cms } from '#lib/server/services.ts';
import type { PageServerLoad } from './$types';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const load: PageServerLoad = async ({ params }) => {
  const product = SLUG.test(params.slug) ? await cms.getProduct(params.slug) : null;
  if (!product) error(404, 'No product has this address');

  // What the minimum order costs, computed with the same money rules as the cart.
  const minimumOrder = lineAmounts({
    quantity: product.minQuantity,
    pricePer1000Cents: product.priceCents,
    vatRate: product.vatRate,
    co2eKgPer1000: product.co2eKgPer1000,
  });
  return { product, minimumOrder };
};
