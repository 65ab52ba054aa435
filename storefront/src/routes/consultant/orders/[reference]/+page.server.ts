import { fail, redirect } from '@sveltejs/kit';
import { fieldErrors, noteSchema, statusChangeSchema } from '@ventalis/contracts';
import { textFields } from '#lib/form.ts';
import { found, refusal, requireRole } from '#lib/server/guard.ts';
import { discussOrder } from '#lib/server/discuss.ts';
import { cms } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

const NOT_FOUND = 'No order of your clients has this reference';

export const load: PageServerLoad = async (event) => {
  const { jwt } = requireRole(event, 'consultant');
  return { order: await found(cms.getClientOrder(jwt, event.params.reference), NOT_FOUND, event.url) };
};

export const actions: Actions = {
  discuss: discussOrder('consultant'),

  /** A status change always carries a comment, which the client reads on their order page. */
  status: async (event) => {
    const { jwt } = requireRole(event, 'consultant');
    const values = textFields(await event.request.formData(), ['status', 'comment'] as const);
    const parsed = statusChangeSchema.safeParse(values);
    if (!parsed.success) return fail(400, { form: 'status', errors: fieldErrors(parsed.error) as Record<string, string>, values });
    try {
      await cms.changeOrderStatus(jwt, event.params.reference, parsed.data);
    } catch (failure) {
      return refusal(failure, values, { form: 'status' });
    }
    redirect(303, `/consultant/orders/${event.params.reference}?moved`);
  },

  /** Internal notes stay between Ventalis staff. */
  note: async (event) => {
    const { jwt } = requireRole(event, 'consultant');
    const values = textFields(await event.request.formData(), ['body'] as const);
    const parsed = noteSchema.safeParse(values);
    if (!parsed.success) return fail(400, { form: 'note', errors: fieldErrors(parsed.error) as Record<string, string>, values });
    try {
      await cms.addOrderNote(jwt, event.params.reference, parsed.data.body);
    } catch (failure) {
      return refusal(failure, values, { form: 'note' });
    }
    redirect(303, `/consultant/orders/${event.params.reference}#notes`);
  },
};
