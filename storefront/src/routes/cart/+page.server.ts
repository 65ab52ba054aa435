import { fail, redirect } from '@sveltejs/kit';
import { checkoutSchema, fieldErrors } from '@ventalis/contracts';
import { parseQuantity } from '#lib/form.ts';
import { refusal, requireRole } from '#lib/server/guard.ts';
import { cms } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { jwt } = requireRole(event, 'customer');
  const cart = await cms.getCart(jwt);
  // One key per rendering of the checkout button: a double submission makes one order.
  return { cart, idempotencyKey: crypto.randomUUID(), added: event.url.searchParams.get('added') };
};

const productOf = (form: FormData) => String(form.get('product') ?? '');

export const actions: Actions = {
  quantity: async (event) => {
    const { jwt } = requireRole(event, 'customer');
    const form = await event.request.formData();
    const values = { product: productOf(form), quantity: String(form.get('quantity') ?? '') };
    const quantity = parseQuantity(values.quantity);
    if (quantity === null) return fail(400, { errors: { quantity: 'Enter a whole number of units, such as 1000' } as Record<string, string>, values });
    try {
      await cms.setCartQuantity(jwt, values.product, quantity);
    } catch (failure) {
      return refusal(failure, values);
    }
    redirect(303, '/cart');
  },

  remove: async (event) => {
    const { jwt } = requireRole(event, 'customer');
    const values = { product: productOf(await event.request.formData()) };
    try {
      await cms.removeFromCart(jwt, values.product);
    } catch (failure) {
      return refusal(failure, values);
    }
    redirect(303, '/cart');
  },

  empty: async (event) => {
    const { jwt } = requireRole(event, 'customer');
    await cms.emptyCart(jwt);
    redirect(303, '/cart');
  },

  checkout: async (event) => {
    const { jwt } = requireRole(event, 'customer');
    const values = { idempotencyKey: String((await event.request.formData()).get('idempotencyKey') ?? '') };
    const parsed = checkoutSchema.safeParse(values);
    if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) as Record<string, string>, values });
    let reference: string;
    try {
      reference = (await cms.checkout(jwt, parsed.data.idempotencyKey)).order.reference;
    } catch (failure) {
      return refusal(failure, values);
    }
    redirect(303, `/orders/${reference}/pay`);
  },
};
