import { fail } from '@sveltejs/kit';
import { fieldCodes, fieldErrors, transferSchema } from '@ventalis/contracts';
import { dayInFrance } from '@ventalis/contracts/prices';
import { wordFields } from '#lib/errors.ts';
import { parseEurosToCents } from '#lib/format.ts';
import { textFields } from '#lib/form.ts';
import { m } from '#lib/paraglide/messages.js';
import { refusal, requireRole } from '#lib/server/guard.ts';
import { cms } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

const STATUSES = ['unpaid', 'partially_paid', 'paid'] as const;
type Status = (typeof STATUSES)[number];

/** The invoices of the consultant's companies: unpaid first by default, or as the filters ask. */
export const load: PageServerLoad = async (event) => {
  const { jwt } = requireRole(event, 'consultant');
  const asked = event.url.searchParams.get('status') ?? '';
  const status = (STATUSES as readonly string[]).includes(asked) ? (asked as Status) : undefined;
  const overdue = event.url.searchParams.get('overdue') === 'true' ? true : undefined;
  return { invoices: await cms.listClientInvoices(jwt, { status, overdue }), filters: { status: status ?? '', overdue: overdue ?? false }, today: dayInFrance() };
};

const FIELDS = ['number', 'amount', 'receivedOn', 'bankReference'] as const;
const WORDING = { amountCents: { 'value.required': m.invoices_transfer_amount_invalid, 'value.not_number': m.invoices_transfer_amount_invalid, 'value.not_whole_number': m.invoices_transfer_amount_invalid } };
/** The form calls the amount `amount` (in euros); the cms, `amountCents`. */
const asForm = <T>(byField: Record<string, T>) => Object.fromEntries(Object.entries(byField).map(([field, value]) => [field === 'amountCents' ? 'amount' : field, value]));

export const actions: Actions = {
  /** A transfer received against an invoice (a part of it, or what is left). */
  transfer: async (event) => {
    const { jwt } = requireRole(event, 'consultant');
    const values = textFields(await event.request.formData(), FIELDS);
    const amountCents = parseEurosToCents(values.amount);
    const input = { amountCents: amountCents ?? undefined, receivedOn: values.receivedOn, bankReference: values.bankReference };
    const parsed = transferSchema.safeParse(input);
    if (amountCents === null || !parsed.success) {
      const errors = parsed.success ? {} : asForm(wordFields(fieldCodes(parsed.error, input), fieldErrors(parsed.error), WORDING));
      if (amountCents === null) errors.amount = m.invoices_transfer_amount_invalid();
      return fail(400, { number: values.number, errors, values });
    }
    try {
      const invoice = await cms.recordTransfer(jwt, values.number, parsed.data);
      return { recorded: invoice.number, paymentStatus: invoice.paymentStatus };
    } catch (failure) {
      const refused = refusal(failure, values, { number: values.number });
      if (refused.data.errors && 'amountCents' in refused.data.errors) refused.data.errors = asForm(refused.data.errors);
      return refused;
    }
  },
};
