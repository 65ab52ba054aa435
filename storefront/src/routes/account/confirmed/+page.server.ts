import { redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/i18n.ts';
import type { PageServerLoad } from './$types';

/**
 * The page the confirmation link ends on says "you can now log in": once signed in (the
 * header's Log in link comes back here), it has nothing more to say, so the dashboard opens.
 */
export const load: PageServerLoad = ({ locals }) => {
  if (locals.user) redirect(303, localizeHref(locals.user.role === 'consultant' ? '/consultant' : '/account'));
  return {};
};
