import { error } from '@sveltejs/kit';
import { cms } from '#lib/server/services.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const page = await cms.getPage('commitment');
  if (!page) error(404, 'This page has not been published yet');
  return { page };
};
