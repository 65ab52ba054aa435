import type { Core } from '@strapi/strapi';
import { documentFieldError } from '../utils/validation';
import type { Middleware } from './consultant-accounts';
import { refusal } from '@ventalis/contracts';

/** Content types whose names must differ by more than case or accents, within each locale. */
const NAMED: Record<string, string> = {
  'api::category.category': 'name',
  'api::product.product': 'name',
  'api::eco-label.eco-label': 'name',
};
/** Base sensitivity: "Éco" = "eco" = "ECO", but "eco" ≠ "echo". */
const sameName = new Intl.Collator('fr', { sensitivity: 'base', usage: 'search' });
/** Strapi's own wording for a duplicate, which the panel already knows how to show. */
const NOT_UNIQUE = 'This attribute must be unique';

/**
 * "Shipping boxes" next to "Shipping Boxes", or "Éco" next to "eco", read as the same
 * name to a buyer: refuse them like an exact duplicate, in the panel and any other write.
 * The catalogue holds hundreds of names, not millions: comparing them here is cheap.
 */
export const uniqueNames = (strapi: Core.Strapi): Middleware => async (context, next) => {
  const field = NAMED[context.uid];
  if (!field || !['create', 'update', 'clone'].includes(context.action)) return next();
  const params = context.params as { data?: Record<string, unknown>; documentId?: string };
  const name = params.data?.[field];
  if (typeof name !== 'string' || name.trim() === '') return next();
  // Per language: "Gobelet" in French and "Gobelet" in English may be the same document, or
  // two; within one locale, names stay apart. No locale given means the default one.
  const locale = (context.params as { locale?: string }).locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());
  const others: { documentId: string; name: string }[] = await strapi.db.query(context.uid as never).findMany({
    where: { locale, ...(context.action === 'update' && params.documentId ? { documentId: { $ne: params.documentId } } : {}) },
    select: ['documentId', field],
  });
  if (others.some((other) => sameName.compare(String(other[field as 'name'] ?? '').trim(), name.trim()) === 0)) {
    throw documentFieldError([field], refusal('catalogue.name_taken', NOT_UNIQUE));
  }
  return next();
};
