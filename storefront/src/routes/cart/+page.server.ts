import { fail, redirect } from '@sveltejs/kit';
import { checkoutSchema, type CheckoutOptions, type Order } from '@ventalis/contracts';
import { wordError } from '#lib/errors.ts';
import { parseQuantity } from '#lib/form.ts';
import { localizeHref } from '#lib/i18n.ts';
import { m } from '#lib/paraglide/messages.js';
import { invalidFields } from '#lib/server/form-errors.ts';
import { refusal, requireRole } from '#lib/server/guard.ts';
import { CmsError } from '#lib/server/cms.ts';
import { cms } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

/** What the checkout offers this member; null (with the reason, worded) for someone who may not order. */
async function checkoutOptions(jwt: string): Promise<{ options: CheckoutOptions | null; cannotOrder: string | null }> {
  try {
    return { options: await cms.getCheckoutOptions(jwt), cannotOrder: null };
  } catch (failure) {
    if (failure instanceof CmsError && failure.status === 403 && failure.codes.code) return { options: null, cannotOrder: wordError({ code: failure.codes.code, params: failure.codes.params }, failure.message) };
    throw failure;
  }
}

export const load: PageServerLoad = async (event) => {
  const { jwt } = requireRole(event, 'customer');
  const [cart, { options, cannotOrder }] = await Promise.all([cms.getCart(jwt), checkoutOptions(jwt)]);
  // What stops a line from being ordered (below the minimum, more than the stock), in the page's language.
  const problems: Record<string, string> = {};
  for (const line of cart.lines) if (line.problem) problems[line.product.slug] = wordError(line.problemCode ?? undefined, line.problem);
  // One key per rendering of the checkout button: a double submission makes one order.
  return { cart, problems, options, cannotOrder, idempotencyKey: crypto.randomUUID(), added: event.url.searchParams.get('added') };
};

const productOf = (form: FormData) => String(form.get('product') ?? '');

export const actions: Actions = {
  quantity: async (event) => {
    const { jwt } = requireRole(event, 'customer');
    const form = await event.request.formData();
    const values = { product: productOf(form), quantity: String(form.get('quantity') ?? '') };
    const quantity = parseQuantity(values.quantity);
    if (quantity === null) return fail(400, { errors: { quantity: m.product_quantity_invalid() } as Record<string, string>, values });
    try {
      await cms.setCartQuantity(jwt, values.product, quantity);
    } catch (failure) {
      return refusal(failure, values);
    }
    redirect(303, localizeHref('/cart'));
  },

  remove: async (event) => {
    const { jwt } = requireRole(event, 'customer');
    const values = { product: productOf(await event.request.formData()) };
    try {
      await cms.removeFromCart(jwt, values.product);
    } catch (failure) {
      return refusal(failure, values);
    }
    redirect(303, localizeHref('/cart'));
  },

  empty: async (event) => {
    const { jwt } = requireRole(event, 'customer');
    await cms.emptyCart(jwt);
    redirect(303, localizeHref('/cart'));
  },

  checkout: async (event) => {
    const { jwt } = requireRole(event, 'customer');
    const form = await event.request.formData();
    const values = {
      idempotencyKey: String(form.get('idempotencyKey') ?? ''),
      paymentMethod: String(form.get('paymentMethod') ?? 'card'),
      purchaseOrderNumber: String(form.get('purchaseOrderNumber') ?? ''),
    };
    const parsed = checkoutSchema.safeParse(values);
    if (!parsed.success) return fail(400, { errors: invalidFields(parsed.error, values), values });
    let order: Order;
    try {
      order = (await cms.checkout(jwt, parsed.data)).order;
    } catch (failure) {
      return refusal(failure, values);
    }
    // Nothing to pay now when the order waits for an admin's approval, or is confirmed on invoice.
    redirect(303, localizeHref(order.status === 'awaiting_payment' ? `/orders/${order.reference}/pay` : `/orders/${order.reference}?placed=1`));
  },
};
