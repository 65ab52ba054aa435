import { fail, redirect } from '@sveltejs/kit';
import { fieldCodes, fieldErrors, noteSchema, statusChangeSchema } from '@ventalis/contracts';
import { wordFields } from '#lib/errors.ts';
import { textFields } from '#lib/form.ts';
import { localizeHref } from '#lib/i18n.ts';
import { m } from '#lib/paraglide/messages.js';
import { found, refusal, requireRole } from '#lib/server/guard.ts';
import { discussOrder } from '#lib/server/discuss.ts';
import { cms } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { jwt } = requireRole(event, 'consultant');
  return { order: await found(cms.getClientOrder(jwt, event.params.reference), m.consultant_order_not_found(), event.url) };
};

/** How these forms word their fields' refusals; any other code, as the catalogue words it. */
const STATUS_WORDING = {
  status: { 'value.not_allowed': m.consultant_status_choose, 'value.required': m.consultant_status_choose, 'text.required': m.consultant_status_choose },
  comment: { 'text.required': m.consultant_comment_required, 'text.too_long': m.consultant_comment_too_long },
};
const NOTE_WORDING = { body: { 'text.required': m.consultant_note_empty, 'text.too_long': m.consultant_note_too_long } };

export const actions: Actions = {
  discuss: discussOrder('consultant'),

  /** A status change always carries a comment, which the client reads on their order page. */
  status: async (event) => {
    const { jwt } = requireRole(event, 'consultant');
    const values = textFields(await event.request.formData(), ['status', 'comment'] as const);
    const parsed = statusChangeSchema.safeParse(values);
    if (!parsed.success) return fail(400, { form: 'status', errors: wordFields(fieldCodes(parsed.error, values), fieldErrors(parsed.error), STATUS_WORDING), values });
    try {
      await cms.changeOrderStatus(jwt, event.params.reference, parsed.data);
    } catch (failure) {
      return refusal(failure, values, { form: 'status' });
    }
    redirect(303, localizeHref(`/consultant/orders/${event.params.reference}?moved`));
  },

  /** Internal notes stay between Ventalis staff. */
  note: async (event) => {
    const { jwt } = requireRole(event, 'consultant');
    const values = textFields(await event.request.formData(), ['body'] as const);
    const parsed = noteSchema.safeParse(values);
    if (!parsed.success) return fail(400, { form: 'note', errors: wordFields(fieldCodes(parsed.error, values), fieldErrors(parsed.error), NOTE_WORDING), values });
    try {
      await cms.addOrderNote(jwt, event.params.reference, parsed.data.body);
    } catch (failure) {
      return refusal(failure, values, { form: 'note' });
    }
    redirect(303, `${localizeHref(`/consultant/orders/${event.params.reference}`)}#notes`);
  },
};
