import type { Core } from '@strapi/strapi';
import { productSearchText } from '../utils/search-text';

const PRODUCT = 'api::product.product';
type Row = { id?: number; name?: unknown; description?: unknown; searchText?: unknown };

/**
 * Keeps each product row's search text (its name and description, folded) in step with
 * them, whatever wrote the row: the panel, the API, the seed, i18n's copy between locales.
 */
export function maintainSearchText(strapi: Core.Strapi) {
  const refresh = async (result: Row | undefined) => {
    if (!result?.id) return;
    const row: Row | null = 'name' in result && 'description' in result ? result : await strapi.db.query(PRODUCT).findOne({ where: { id: result.id }, select: ['id', 'name', 'description', 'searchText'] });
    if (!row) return;
    const text = productSearchText(row);
    // The write below comes back here once, then stops: the text is the same.
    if (text !== row.searchText) await strapi.db.query(PRODUCT).update({ where: { id: result.id }, data: { searchText: text }, select: ['id'] });
  };
  strapi.db.lifecycles.subscribe({
    models: [PRODUCT],
    afterCreate: (event: { result?: Row }) => refresh(event.result),
    afterUpdate: (event: { result?: Row }) => refresh(event.result),
  });
}

/** Rows written before the search text existed get theirs (an existing database, at start). */
export async function backfillSearchText(strapi: Core.Strapi) {
  const rows: Row[] = await strapi.db.query(PRODUCT).findMany({ where: { searchText: null }, select: ['id', 'name', 'description'] });
  for (const row of rows) await strapi.db.query(PRODUCT).update({ where: { id: row.id }, data: { searchText: productSearchText(row) }, select: ['id'] });
}
