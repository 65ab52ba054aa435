import type { Core, UID } from '@strapi/strapi';
import { DEFAULT_LOCALE, LOCALES } from '@ventalis/contracts';

/** The content written in both languages (Strapi's i18n), French the default. */
export const LOCALIZED_CONTENT = [
  'api::product.product',
  'api::category.category',
  'api::eco-label.eco-label',
  'api::home-page.home-page',
  'api::commitment-page.commitment-page',
] as const satisfies UID.ContentType[];

const NAMES: Record<string, string> = { fr: 'French (fr)', en: 'English (en)' };

/**
 * Both locales exist and French is the default, on a fresh database (Strapi's i18n starts
 * with English alone) as on one created before the content was localized. There, the
 * content had been written with no locale and Strapi's migration filed it under the
 * previous default: it becomes the French version — every document has one, which is what
 * answers when the English version is missing — and its English version is written later,
 * in the panel. Row ids do not change, so carts and orders keep pointing at them.
 */
export async function ensureLocales(strapi: Core.Strapi) {
  const locales = strapi.plugin('i18n').service('locales');
  for (const code of LOCALES) {
    if (!(await locales.findByCode(code))) await locales.create({ code, name: NAMES[code] ?? code });
  }
  const previous = (await locales.getDefaultLocale()) as string | null;
  if (previous === DEFAULT_LOCALE) return;
  for (const uid of LOCALIZED_CONTENT) {
    const withDefault = await strapi.db.query(uid).findMany({ where: { locale: DEFAULT_LOCALE }, select: ['documentId'] });
    await strapi.db.query(uid).updateMany({
      where: {
        $or: [{ locale: previous }, { locale: null }],
        documentId: { $notIn: withDefault.map((row: { documentId: string }) => row.documentId) },
      },
      data: { locale: DEFAULT_LOCALE },
    });
  }
  await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
}
