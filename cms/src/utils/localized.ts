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
