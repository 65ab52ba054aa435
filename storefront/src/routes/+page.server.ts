import { PREVIEW_SECRET } from '$app/env/private';
import { cms } from '#lib/server/services.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ page: await cms.getPage('home', locals.preview ? PREVIEW_SECRET : undefined) });
