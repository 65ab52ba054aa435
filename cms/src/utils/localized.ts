import type { Core, UID } from '@strapi/strapi';
import { DEFAULT_LOCALE, type Locale } from '@ventalis/contracts';

export type ServedText = Record<string, unknown> & { documentId: string; locale: Locale; name: string; slug: string };

/**
 * The text of these documents in `locale`, or in French where they have no version in that
 * locale yet (French, the default locale, is always there). Each row says which (`locale`).
 */
export async function servedText(strapi: Core.Strapi, uid: UID.ContentType, documentIds: string[], locale: Locale, fields: string[] = ['name', 'slug']): Promise<Map<string, ServedText>> {
  const out = new Map<string, ServedText>();
  if (documentIds.length === 0) return out;
  const rows: ServedText[] = await strapi.db.query(uid).findMany({
    where: { documentId: { $in: Array.from(new Set(documentIds)) }, locale: { $in: Array.from(new Set([locale, DEFAULT_LOCALE])) } },
    select: ['documentId', 'locale', ...fields],
  });
  for (const row of rows) if (!out.has(row.documentId) || row.locale === locale) out.set(row.documentId, row);
  return out;
}

/**
 * What the documents of `uid` named `names` (in any language: order lines keep the name they
 * had when ordered) are called in `locale`, French where a document has no version in it.
 * A name no document bears any more is left out: the caller shows it as it was kept.
 */
export async function namesIn(strapi: Core.Strapi, uid: UID.ContentType, names: string[], locale: Locale): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (names.length === 0) return out;
  const rows: { documentId: string; name: string }[] = await strapi.db.query(uid).findMany({ where: { name: { $in: names } }, select: ['documentId', 'name'] });
  const served = await servedText(strapi, uid, rows.map((r) => r.documentId), locale, ['name']);
  for (const row of rows) {
    const name = served.get(row.documentId)?.name;
    if (name && !out.has(row.name)) out.set(row.name, name);
  }
  return out;
}
