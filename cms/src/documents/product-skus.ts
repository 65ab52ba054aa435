import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, isSku, normalizeSku, refusal } from '@ventalis/contracts';
import { documentFieldError } from '../utils/validation';
import { skuFromSlug } from '../utils/sku';
import type { Middleware } from './consultant-accounts';

const PRODUCT = 'api::product.product';
type Row = { id: number; documentId: string; sku?: string | null; slug?: string | null; locale?: string | null };

const invalid = () =>
  documentFieldError(['sku'], refusal('catalogue.sku_invalid', 'SKU must be 3 to 32 capital letters, digits or dashes, starting and ending with a letter or digit (for example VT-BOX-S)'));
const taken = (sku: string) => documentFieldError(['sku'], refusal('catalogue.sku_taken', `Another product already has the SKU ${sku}`, { sku }));

/** Every SKU in use, but those of one document (the one being written). */
async function skusInUse(strapi: Core.Strapi, except?: string): Promise<Set<string>> {
  const rows: Row[] = await strapi.db.query(PRODUCT).findMany({ where: { sku: { $notNull: true }, ...(except ? { documentId: { $ne: except } } : {}) }, select: ['documentId', 'sku'] });
  return new Set(rows.map((row) => String(row.sku)));
}

/**
 * Each product has a SKU of its own, shared by its French and English versions (the
 * attribute is not localized: Strapi's i18n copies it to every version, like stock). A SKU is
 * kept in capitals ("vt-box-s" is `VT-BOX-S`); one another product holds is refused with a
 * message on the field, in the panel as through any other write. A new product written without
 * one gets one from its slug, so that every product can be quick-ordered.
 */
export const productSkus = (strapi: Core.Strapi): Middleware => async (context, next) => {
  if (context.uid !== PRODUCT || !['create', 'update', 'clone'].includes(context.action)) return next();
  const params = context.params as { data?: Record<string, unknown>; documentId?: string; locale?: string };
  const data = params.data;
  if (!data) return next();
  const isNewDocument = context.action !== 'update';
  const own = isNewDocument ? undefined : params.documentId;
  const given = data.sku;

  if (given === undefined || given === null || (typeof given === 'string' && given.trim() === '')) {
    if (!isNewDocument) {
      if (given === undefined) return next();
      // The panel sends every field. A version in a new language gets the document's SKU from
      // Strapi's i18n; an existing version may not lose its SKU.
      const locale = params.locale ?? DEFAULT_LOCALE;
      const exists = own ? await strapi.db.query(PRODUCT).findOne({ where: { documentId: own, locale }, select: ['id'] }) : null;
      if (exists) throw invalid();
      delete data.sku;
      return next();
    }
    const source: Row | null = context.action === 'clone' && params.documentId
      ? await strapi.db.query(PRODUCT).findOne({ where: { documentId: params.documentId }, select: ['slug'] })
      : null;
    const slug = typeof data.slug === 'string' && data.slug ? data.slug : (source?.slug ?? (typeof data.name === 'string' ? data.name : 'product'));
    data.sku = skuFromSlug(slug, await skusInUse(strapi));
    return next();
  }

  if (typeof given !== 'string') throw invalid();
  const sku = normalizeSku(given);
  if (!isSku(sku)) throw invalid();
  if ((await skusInUse(strapi, own)).has(sku)) throw taken(sku);
  data.sku = sku;
  return next();
};

/**
 * Products written before SKUs existed get one from their French slug, once, at start (in
 * the order they were created, so the same database always gives the same SKUs), on every
 * version of the product.
 */
export async function backfillSkus(strapi: Core.Strapi) {
  const missing: Row[] = await strapi.db.query(PRODUCT).findMany({ where: { sku: null }, select: ['id', 'documentId', 'slug', 'locale'], orderBy: { id: 'asc' } });
  if (missing.length === 0) return;
  const inUse = await skusInUse(strapi);
  const documents = new Map<string, Row[]>();
  for (const row of missing) documents.set(row.documentId, [...(documents.get(row.documentId) ?? []), row]);
  for (const [documentId, rows] of documents) {
    const kept: Row | null = await strapi.db.query(PRODUCT).findOne({ where: { documentId, sku: { $notNull: true } }, select: ['sku'] });
    const french = rows.find((row) => row.locale === DEFAULT_LOCALE) ?? rows[0];
    const sku = kept?.sku ?? skuFromSlug(String(french.slug ?? documentId), inUse);
    inUse.add(sku);
    await strapi.db.query(PRODUCT).updateMany({ where: { documentId }, data: { sku } });
  }
}
