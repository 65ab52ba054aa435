import { fail, redirect } from '@sveltejs/kit';
import { checkoutSchema, quoteRequestSchema, type Order, type Quote } from '@ventalis/contracts';
import { wordError } from '#lib/errors.ts';
import { parseQuantity } from '#lib/form.ts';
import { localizeHref } from '#lib/i18n.ts';
import { m } from '#lib/paraglide/messages.js';
import { invalidFields } from '#lib/server/form-errors.ts';
import { refusal, requireRole } from '#lib/server/guard.ts';
import { checkoutOptions } from '#lib/server/checkout-options.ts';
import { cms } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

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

  /**
   * The cart becomes a quote request: the message, and the quantity wanted on each line (more
   * than the stock if need be). Errors are shown on the line they concern.
   */
  quote: async (event) => {
    const { jwt } = requireRole(event, 'customer');
    const form = await event.request.formData();
    const slugs = form.getAll('line').map(String);
    const values: Record<string, string> = { message: String(form.get('message') ?? '') };
    const errors: Record<string, string> = {};
    const lines: { product: string; quantity: number }[] = [];
    for (const slug of slugs) {
      values[`quote:${slug}`] = String(form.get(`quantity:${slug}`) ?? '');
      const quantity = parseQuantity(values[`quote:${slug}`]!);
      if (quantity === null) errors[`quote:${slug}`] = m.product_quantity_invalid();
      else lines.push({ product: slug, quantity });
    }
    // The cms names a line by its place in the cart: the page, by its product.
    const onLines = (byField: Record<string, string>) =>
      Object.fromEntries(Object.entries(byField).map(([field, message]) => {
        const line = /^lines\.(\d+)\./.exec(field);
        return [line && slugs[Number(line[1])] ? `quote:${slugs[Number(line[1])]}` : field, message];
      }));
    const request = { message: values.message, lines };
    const parsed = quoteRequestSchema.safeParse(request);
    if (Object.keys(errors).length > 0 || !parsed.success) return fail(400, { form: 'quote', errors: { ...(parsed.success ? {} : onLines(invalidFields(parsed.error, request))), ...errors }, values });
    let quote: Quote;
    try {
      quote = await cms.requestQuote(jwt, parsed.data);
    } catch (failure) {
      const refused = refusal(failure, values, { form: 'quote' });
      return fail(refused.status, { ...refused.data, errors: onLines(refused.data.errors) });
    }
    redirect(303, localizeHref(`/account/quotes/${quote.number}?requested=1`));
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
