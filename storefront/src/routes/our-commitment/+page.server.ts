import { error } from '@sveltejs/kit';
import { PREVIEW_SECRET } from '$app/env/private';
import { cms } from '#lib/server/services.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const page = await cms.getPage('commitment', locals.preview ? PREVIEW_SECRET : undefined);
  if (!page) error(404, 'This page has not been published yet');
  return { page };
};
