import { fail, redirect } from '@sveltejs/kit';
import { creditNoteRequestSchema, fieldCodes, fieldErrors, noteSchema, statusChangeSchema } from '@ventalis/contracts';
import { wordFields } from '#lib/errors.ts';
import { parseQuantity, textFields } from '#lib/form.ts';
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
const CREDIT_WORDING = { reason: { 'text.required': m.consultant_credit_reason_required } };
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

  /**
   * A credit note on the order's invoice: the units returned per line with a reason the
   * client reads, or, when asked explicitly, everything not yet credited.
   */
  creditNote: async (event) => {
    const { jwt } = requireRole(event, 'consultant');
    const form = await event.request.formData();
    const order = await found(cms.getClientOrder(jwt, event.params.reference), m.consultant_order_not_found(), event.url);
    const values: Record<string, string> = { reason: String(form.get('reason') ?? ''), all: form.get('all') ? 'on' : '' };
    const lines: { lineNumber: number; quantity: number }[] = [];
    const errors: Record<string, string> = {};
    order.lines.forEach((_, i) => {
      const text = String(form.get(`line-${i + 1}`) ?? '').trim();
      values[`line-${i + 1}`] = text;
      if (!text) return;
      const quantity = parseQuantity(text);
      if (quantity === null || quantity <= 0) errors[`line-${i + 1}`] = m.consultant_credit_quantity_invalid();
      else lines.push({ lineNumber: i + 1, quantity });
    });
    if (!values.all && lines.length === 0 && Object.keys(errors).length === 0) errors._ = m.consultant_credit_nothing_named();
    const request = { reason: values.reason, ...(values.all ? {} : { lines }) };
    const parsed = creditNoteRequestSchema.safeParse(request);
    if (!parsed.success) Object.assign(errors, wordFields(fieldCodes(parsed.error, request), fieldErrors(parsed.error), CREDIT_WORDING));
    if (Object.keys(errors).length > 0 || !parsed.success || !order.invoiceNumber) return fail(400, { form: 'credit', errors, values });
    try {
      await cms.issueCreditNote(jwt, order.invoiceNumber, parsed.data);
    } catch (failure) {
      return refusal(failure, values, { form: 'credit' });
    }
    redirect(303, localizeHref(`/consultant/orders/${event.params.reference}?credited`));
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
