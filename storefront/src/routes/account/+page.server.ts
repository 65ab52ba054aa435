import { fail, redirect } from '@sveltejs/kit';
import { isLocale } from '@ventalis/contracts/locale';
import { localizeHref } from '#lib/i18n.ts';
import { m } from '#lib/paraglide/messages.js';
import { refusal, requireRole } from '#lib/server/guard.ts';
import { cms } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { jwt } = requireRole(event, 'customer');
  const [account, ongoing, impact] = await Promise.all([cms.getAccount(jwt), cms.listOrders(jwt, { scope: 'ongoing', pageSize: 5 }), cms.getImpact(jwt)]);
  const profile = account?.role === 'customer' ? account : null;
  return { profile, ongoing, impact, languageSaved: event.url.searchParams.has('language-saved') };
};

export const actions: Actions = {
  /** The account's language: its emails are written in it, and the account page opens in it. */
  language: async (event) => {
    const { jwt } = requireRole(event, 'customer');
    const locale = String((await event.request.formData()).get('locale') ?? '');
    const values = { locale };
    if (!isLocale(locale)) return fail(400, { errors: { locale: m.error_locale_unknown() } as Record<string, string>, values });
    try {
      await cms.setAccountLocale(jwt, locale);
    } catch (failure) {
      return refusal(failure, values);
    }
    redirect(303, localizeHref('/account?language-saved', locale));
  },
};
