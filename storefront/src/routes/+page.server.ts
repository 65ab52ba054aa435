import { PREVIEW_SECRET } from '$app/env/private';
import { cms } from '#lib/server/services.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const page = await cms.getPage('home', locals.preview ? PREVIEW_SECRET : undefined);
  return { page, contentLocale: page?.locale };
};
