import { error, fail } from '@sveltejs/kit';
import { companyTermsSchema } from '@ventalis/contracts';
import { parseEurosToCents } from '#lib/format.ts';
import { invalidFields } from '#lib/server/form-errors.ts';
import { m } from '#lib/paraglide/messages.js';
import { found, refusal, requireRole } from '#lib/server/guard.ts';
import { cms } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { jwt } = requireRole(event, 'consultant');
  const NOT_FOUND = m.consultant_client_not_found();
  const id = Number(event.params.id);
  if (!Number.isSafeInteger(id) || id <= 0) error(404, NOT_FOUND);
  const page = Math.max(1, Math.trunc(Number(event.url.searchParams.get('page'))) || 1);
  const [client, orders] = await Promise.all([found(cms.getClient(jwt, id), NOT_FOUND, event.url), cms.listClientOrders(jwt, { client: id, page, pageSize: 25 })]);
  return { client, orders };
};

export const actions: Actions = {
  /** The client company's payment terms: card only, or on invoice within a credit limit. */
  terms: async (event) => {
    const { jwt } = requireRole(event, 'consultant');
    const form = await event.request.formData();
    const values = { paymentTerms: String(form.get('paymentTerms') ?? ''), creditLimit: String(form.get('creditLimit') ?? ''), requirePurchaseOrder: form.get('requirePurchaseOrder') === 'on' };
    const creditLimitCents = parseEurosToCents(values.creditLimit);
    if (creditLimitCents === null) return fail(400, { terms: true, errors: { creditLimit: m.consultant_credit_limit_invalid() } as Record<string, string>, values });
    const terms = { paymentTerms: values.paymentTerms, creditLimitCents, requirePurchaseOrder: values.requirePurchaseOrder };
    const parsed = companyTermsSchema.safeParse(terms);
    if (!parsed.success) {
      const { creditLimitCents: credit, ...rest } = invalidFields(parsed.error, terms);
      return fail(400, { terms: true, errors: { ...rest, ...(credit ? { creditLimit: credit } : {}) }, values });
    }
    const client = await found(cms.getClient(jwt, Number(event.params.id)), m.consultant_client_not_found(), event.url);
    if (!client.company) error(404, m.consultant_client_not_found());
    try {
      await cms.setCompanyTerms(jwt, client.company.id, parsed.data);
    } catch (failure) {
      return refusal(failure, values, { terms: true });
    }
    return { terms: true, saved: true };
  },
};
