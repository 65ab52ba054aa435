import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { requestedLocale } from '../../../utils/locale';
import type { PageName } from '../services/pages';

const sameSecret = (given: string, expected: string) =>
  given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));

/** Drafts only for a preview that carries the preview secret (the storefront's draft mode). */
const statusOf = (ctx: Context): 'published' | 'draft' => {
  const given = ctx.get('x-preview-secret');
  if (!given) return 'published';
  if (!sameSecret(given, strapi.config.get('ventalis.previewSecret') as string)) throw new errors.ForbiddenError('Wrong preview secret');
  return 'draft';
};

const pageAction = (name: PageName) => async (ctx: Context) => {
  const locale = requestedLocale(ctx.query);
  const page = await strapi.service('api::pages.pages').findPage(name, statusOf(ctx), locale);
  if (!page) throw new errors.NotFoundError('This page has not been published yet');
  ctx.body = { data: page };
};

export default {
  home: pageAction('home'),
  commitment: pageAction('commitment'),
};
