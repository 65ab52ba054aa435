import { error, fail, redirect } from '@sveltejs/kit';
import { fieldCodes, fieldErrors, priceAgreementInputSchema } from '@ventalis/contracts';
import { dayInFrance } from '@ventalis/contracts/prices';
import { wordFields } from '#lib/errors.ts';
import { textFields } from '#lib/form.ts';
import { localizeHref } from '#lib/i18n.ts';
import { m } from '#lib/paraglide/messages.js';
import { AGREEMENT_FORM_FIELDS, agreementInput, formFields } from '#lib/prices.ts';
import { CmsError } from '#lib/server/cms.ts';
import { found, refusal, requireRole } from '#lib/server/guard.ts';
import { cms } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

const companyId = (params: { id: string }) => {
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0) error(404, m.consultant_agreements_not_found());
  return id;
};

export const load: PageServerLoad = async (event) => {
  const { jwt } = requireRole(event, 'consultant');
  const id = companyId(event.params);
  // What a new agreement may cover: the visible categories and the catalogue's products (list prices).
  const [agreements, categories, products] = await Promise.all([
    found(cms.listAgreements(jwt, id), m.consultant_agreements_not_found(), event.url),
    cms.listCategories(),
    cms.listProducts({ sort: 'name', page: 1, pageSize: 100 }),
  ]);
  return {
    ...agreements,
    today: dayInFrance(),
    categories: categories.map((c) => ({ slug: c.slug, name: c.parent ? `${c.parent.name} › ${c.name}` : c.name })).sort((a, b) => a.name.localeCompare(b.name)),
    products: products.data.map((p) => ({ slug: p.slug, name: p.name, priceCents: p.priceCents })),
  };
};

/** How this form words its fields' refusals; any other code, as the catalogue words it. */
const WORDING = {
  kind: { 'value.not_allowed': m.consultant_agreements_choose_kind, 'value.invalid': m.consultant_agreements_choose_kind, 'value.required': m.consultant_agreements_choose_kind },
  category: { 'text.required': m.consultant_agreements_choose_category, 'value.invalid_format': m.consultant_agreements_choose_category },
  product: { 'text.required': m.consultant_agreements_choose_product, 'value.invalid_format': m.consultant_agreements_choose_product },
  discount: { 'value.required': m.consultant_agreements_discount_invalid, 'value.not_whole_number': m.consultant_agreements_discount_invalid },
  netPrice: { 'value.required': m.consultant_agreements_net_invalid },
  startsOn: { 'text.required': m.consultant_agreements_day_invalid, 'value.invalid_format': m.consultant_agreements_day_invalid },
  endsOn: { 'text.required': m.consultant_agreements_day_invalid, 'value.invalid_format': m.consultant_agreements_day_invalid },
};

export const actions: Actions = {
  /** A category discount or a product's net price, for a period; the cms refuses overlaps. */
  create: async (event) => {
    const { jwt } = requireRole(event, 'consultant');
    const id = companyId(event.params);
    const values = textFields(await event.request.formData(), AGREEMENT_FORM_FIELDS);
    const { input, unreadable } = agreementInput(values);
    const parsed = priceAgreementInputSchema.safeParse(input);
    if (unreadable || !parsed.success) {
      const errors = parsed.success ? {} : wordFields(formFields(fieldCodes(parsed.error, input)), formFields(fieldErrors(parsed.error)), WORDING);
      if (unreadable) errors[unreadable] = unreadable === 'discount' ? m.consultant_agreements_discount_invalid() : m.consultant_agreements_net_invalid();
      return fail(400, { form: 'create', errors, values });
    }
    try {
      await cms.createAgreement(jwt, id, parsed.data);
    } catch (failure) {
      // The cms names the amounts by its own fields (discountBasisPoints…): shown on the form's.
      const named = failure instanceof CmsError ? new CmsError(failure.status, failure.message, formFields(failure.fieldErrors), { ...failure.codes, codes: formFields(failure.codes.codes ?? {}) }) : failure;
      return refusal(named, values, { form: 'create' });
    }
    redirect(303, `${localizeHref(`/consultant/companies/${id}/agreements`)}?created`);
  },

  delete: async (event) => {
    const { jwt } = requireRole(event, 'consultant');
    const id = companyId(event.params);
    const agreementId = Number((await event.request.formData()).get('agreement'));
    try {
      await cms.deleteAgreement(jwt, id, agreementId);
    } catch (failure) {
      return refusal(failure, {}, { form: 'delete' });
    }
    redirect(303, `${localizeHref(`/consultant/companies/${id}/agreements`)}?deleted`);
  },
};
