import { error } from '@sveltejs/kit';
import { PREVIEW_SECRET } from '$app/env/private';
import { m } from '#lib/paraglide/messages.js';
import { cms } from '#lib/server/services.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const page = await cms.getPage('commitment', locals.preview ? PREVIEW_SECRET : undefined);
  if (!page) error(404, m.page_not_published());
  return { page, contentLocale: page.locale };
};
