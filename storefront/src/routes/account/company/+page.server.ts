import { fail, redirect } from '@sveltejs/kit';
import { invitationCreateSchema, memberUpdateSchema, type CompanyRole } from '@ventalis/contracts';
import { isCompanyRole } from '@ventalis/contracts/company';
import { isLocale } from '@ventalis/contracts/locale';
import { parseEurosToCents } from '#lib/format.ts';
import { getLocale, localizeHref } from '#lib/i18n.ts';
import { m } from '#lib/paraglide/messages.js';
import { invalidFields } from '#lib/server/form-errors.ts';
import { refusal, requireRole } from '#lib/server/guard.ts';
import { cms } from '#lib/server/services.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** What each action says once done, by the `done` parameter of the page it leads back to. */
const DONE = ['invited', 'revoked', 'saved', 'removed', 'approved', 'refused'] as const;
type Done = (typeof DONE)[number];

const done = (what: Done) => redirect(303, localizeHref(`/account/company?done=${what}`));
const idOf = (form: FormData) => {
  const id = Number(form.get('id'));
  return Number.isSafeInteger(id) && id > 0 ? id : 0;
};
const roleOf = (form: FormData): CompanyRole | '' => {
  const role = String(form.get('role') ?? '');
  return isCompanyRole(role) ? role : '';
};

/** A limit typed in euros: empty is no limit (null); anything else must be an amount. */
const limitOf = (text: string): number | null | undefined => (text.trim() === '' ? null : (parseEurosToCents(text) ?? undefined));

export const load: PageServerLoad = async (event) => {
  const { jwt } = requireRole(event, 'customer');
  const account = await cms.getAccount(jwt);
  const profile = account?.role === 'customer' ? account : null;
  // Without a company (waiting to join, or having left one), there is nothing to show but that.
  const company = profile?.membership ? await cms.getCompany(jwt) : null;
  const what = event.url.searchParams.get('done');
  return { company, pendingJoin: profile?.pendingJoin ?? null, done: (DONE as readonly string[]).includes(what ?? '') ? (what as Done) : null };
};

/** Every action starts with its guard; a refusal comes back to the form that made it (`action`, `id`). */
const guarded = (event: RequestEvent) => requireRole(event, 'customer');

export const actions: Actions = {
  invite: async (event) => {
    const { jwt } = guarded(event);
    const form = await event.request.formData();
    const values = { email: String(form.get('email') ?? ''), role: String(form.get('role') ?? ''), locale: String(form.get('locale') ?? '') };
    const input = { email: values.email, role: values.role, locale: isLocale(values.locale) ? values.locale : getLocale() };
    const parsed = invitationCreateSchema.safeParse(input);
    if (!parsed.success) return fail(400, { action: 'invite', errors: invalidFields(parsed.error, input), values });
    try {
      await cms.inviteMember(jwt, parsed.data);
    } catch (failure) {
      return refusal(failure, values, { action: 'invite' });
    }
    done('invited');
  },

  revoke: async (event) => {
    const { jwt } = guarded(event);
    const id = idOf(await event.request.formData());
    try {
      await cms.revokeInvitation(jwt, id);
    } catch (failure) {
      return refusal(failure, {}, { action: 'revoke', id });
    }
    done('revoked');
  },

  /** A member's role and limits, in euros excl. VAT (empty: no limit). */
  update: async (event) => {
    const { jwt } = guarded(event);
    const form = await event.request.formData();
    const id = idOf(form);
    const values = { role: String(form.get('role') ?? ''), orderLimit: String(form.get('orderLimit') ?? ''), monthlyLimit: String(form.get('monthlyLimit') ?? '') };
    const orderLimitCents = limitOf(values.orderLimit);
    const monthlyLimitCents = limitOf(values.monthlyLimit);
    const errors: Record<string, string> = {};
    if (orderLimitCents === undefined) errors.orderLimit = m.company_limit_invalid();
    if (monthlyLimitCents === undefined) errors.monthlyLimit = m.company_limit_invalid();
    if (Object.keys(errors).length > 0) return fail(400, { action: 'update', id, errors, values });
    const input = { role: roleOf(form) || undefined, orderLimitCents, monthlyLimitCents };
    const parsed = memberUpdateSchema.safeParse(input);
    if (!parsed.success) {
      const { orderLimitCents: order, monthlyLimitCents: monthly, ...rest } = invalidFields(parsed.error, input);
      return fail(400, { action: 'update', id, errors: { ...rest, ...(order ? { orderLimit: order } : {}), ...(monthly ? { monthlyLimit: monthly } : {}) }, values });
    }
    try {
      await cms.updateMember(jwt, id, parsed.data);
    } catch (failure) {
      return refusal(failure, values, { action: 'update', id });
    }
    done('saved');
  },

  remove: async (event) => {
    const { jwt } = guarded(event);
    const id = idOf(await event.request.formData());
    try {
      await cms.removeMember(jwt, id);
    } catch (failure) {
      return refusal(failure, {}, { action: 'remove', id });
    }
    done('removed');
  },

  leave: async (event) => {
    const { jwt } = guarded(event);
    try {
      await cms.removeMember(jwt, 'me');
    } catch (failure) {
      return refusal(failure, {}, { action: 'leave' });
    }
    redirect(303, localizeHref('/account'));
  },

  approve: async (event) => {
    const { jwt } = guarded(event);
    const form = await event.request.formData();
    const id = idOf(form);
    try {
      await cms.approveJoinRequest(jwt, id, roleOf(form) || 'buyer');
    } catch (failure) {
      return refusal(failure, {}, { action: 'approve', id });
    }
    done('approved');
  },

  refuse: async (event) => {
    const { jwt } = guarded(event);
    const form = await event.request.formData();
    const id = idOf(form);
    const values = { comment: String(form.get('comment') ?? '') };
    try {
      await cms.refuseJoinRequest(jwt, id, values.comment);
    } catch (failure) {
      return refusal(failure, values, { action: 'refuse', id });
    }
    done('refused');
  },
};
