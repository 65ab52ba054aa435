import { error, fail, redirect } from '@sveltejs/kit';
import { lineAmounts, quantityRefusal } from '@ventalis/contracts';
import { wordError } from '#lib/errors.ts';
import { parseQuantity } from '#lib/form.ts';
import { refusal, requireRole } from '#lib/server/guard.ts';
import { getLocale, localizeHref, slugPaths } from '#lib/i18n.ts';
import { m } from '#lib/paraglide/messages.js';
import { cms } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The product; for a signed-in customer, with their company's negotiated price. */
async function productOf(slug: string, customerJwt?: string) {
  const product = SLUG.test(slug) ? await cms.getProduct(slug, customerJwt) : null;
  if (!product) error(404, m.product_not_found());
  return product;
}

const customerJwt = (locals: App.Locals) => (locals.user?.role === 'customer' ? locals.tokens?.jwt : undefined);

export const load: PageServerLoad = async ({ params, locals }) => {
  const product = await productOf(params.slug, customerJwt(locals));
  // Each language has its own address: the other language's slug leads to this one.
  const own = product.slugs[getLocale()];
  if (own && own !== params.slug) redirect(301, localizeHref(`/products/${own}`));
  // What the minimum order costs, computed with the same money rules as the cart.
  const minimumOrder = lineAmounts({
    quantity: product.minQuantity,
    pricePer1000Cents: product.companyPrice?.priceCents ?? product.priceCents,
    vatRate: product.vatRate,
    co2eKgPer1000: product.co2eKgPer1000,
  });
  return { product, minimumOrder, alternatePaths: slugPaths('/products', product.slugs), contentLocale: product.locale };
};

export const actions: Actions = {
  /** Adds units to the cart (on top of what is there), within the product's rules. */
  add: async (event) => {
    const { jwt } = requireRole(event, 'customer');
    const values = { quantity: String((await event.request.formData()).get('quantity') ?? '') };
    const product = await productOf(event.params.slug);
    const quantity = parseQuantity(values.quantity);
    if (quantity === null) return fail(400, { errors: { quantity: m.product_quantity_invalid() } as Record<string, string>, values });
    // The product's rules, worded in the page's language (the cms checks them again).
    const problem = quantityRefusal(quantity, product);
    if (problem) return fail(400, { errors: { quantity: wordError(problem, problem.message) } as Record<string, string>, values });
    try {
      await cms.addToCart(jwt, product.slug, quantity);
    } catch (failure) {
      return refusal(failure, values);
    }
    redirect(303, localizeHref(`/cart?added=${encodeURIComponent(product.slug)}`));
  },
};
