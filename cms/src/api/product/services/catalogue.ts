import type { Core, UID } from '@strapi/strapi';
import {
  DEFAULT_LOCALE,
  LOCALES,
  VAT_BANDS,
  type Category,
  type CategorySummary,
  type EcoLabel,
  type Locale,
  type LocalizedSlugs,
  type Media,
  type Page,
  type Product,
  type ProductListQuery,
  type ProductSummary,
  type VatBand,
} from '@ventalis/contracts';
import { foldForSearch, searchWords } from '../../../utils/search-text';
import { servedText as servedTextOf, type ServedText } from '../../../utils/localized';
import type { CompanyPricing } from '../../company/services/prices';

const PRODUCT = 'api::product.product';
const CATEGORY = 'api::category.category';
const LABEL = 'api::eco-label.eco-label';

const FIGURE_FIELDS = ['id', 'documentId', 'sku', 'priceCents', 'vatRate', 'minQuantity', 'quantityStep', 'stock', 'recycledContentPercent', 'co2eKgPer1000', 'countryOfOrigin', 'createdAt'];
const MEDIA_FIELDS = ['url', 'alternativeText', 'width', 'height'];
const TEXT_FIELDS = ['name', 'slug'];

type Row = Record<string, unknown>;
type Served = ServedText;

const toMedia = (file: Row | null | undefined): Media | null =>
  file ? { url: String(file.url), alternativeText: (file.alternativeText as string) ?? null, width: (file.width as number) ?? null, height: (file.height as number) ?? null } : null;
const toSummary = (row: Served): CategorySummary => ({ locale: row.locale, name: String(row.name), slug: String(row.slug) });
const emptyPage = (query: ProductListQuery): Page<ProductSummary> => ({ data: [], meta: { pagination: { page: query.page, pageSize: query.pageSize, pageCount: 0, total: 0 } } });

/**
 * The public catalogue, in French or English. Queries are built here from a validated query
 * object, never from raw request parameters, and only public fields are selected: nothing
 * private can be filtered, sorted, populated or returned through it.
 *
 * Languages: each document has a row per locale (Strapi's i18n). The French row, which every
 * document has, is the reference for what is not text: visibility, category, labels, images,
 * prices and stock (kept equal on every row anyway). The text — name, slug, description — comes
 * from the row in the asked locale, or from the French row when there is no English version
 * yet; each document says which with `locale`. A document with no French version is not shown.
 *
 * Prices: `priceCents` is the list price. Given a company's pricing (a signed-in member of a
 * company with agreements in force), each product it covers also carries `companyPrice`, and
 * price filters and sorts follow what the company pays.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const query = (uid: UID.ContentType) => strapi.db.query(uid);

  const servedText = (uid: UID.ContentType, documentIds: string[], locale: Locale, fields = TEXT_FIELDS) => servedTextOf(strapi, uid, documentIds, locale, fields);

  /** The slug of each document in every locale, null where it has no version. */
  const slugsOf = async (uid: UID.ContentType, documentIds: string[]): Promise<Map<string, LocalizedSlugs>> => {
    const out = new Map<string, LocalizedSlugs>();
    if (documentIds.length === 0) return out;
    const rows: Row[] = await query(uid).findMany({ where: { documentId: { $in: documentIds } }, select: ['documentId', 'locale', 'slug'] });
    for (const id of documentIds) out.set(id, Object.fromEntries(LOCALES.map((l) => [l, null])) as LocalizedSlugs);
    for (const row of rows) {
      const slugs = out.get(String(row.documentId));
      if (slugs && (LOCALES as readonly unknown[]).includes(row.locale)) slugs[row.locale as Locale] = String(row.slug);
    }
    return out;
  };

  /**
   * The document a slug names. Slugs are per locale; a slug of another locale still names
   * its document, which is then answered in the asked locale (with its own `slug`, which the
   * storefront treats as the canonical address).
   */
  const documentBySlug = async (uid: UID.ContentType, slug: string, locale: Locale): Promise<string | null> => {
    const rows: Row[] = await query(uid).findMany({ where: { slug }, select: ['documentId', 'locale'] });
    const pick = rows.find((r) => r.locale === locale) ?? rows.find((r) => r.locale === DEFAULT_LOCALE) ?? rows[0];
    return pick ? String(pick.documentId) : null;
  };

  const byName = (locale: Locale) => {
    const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    return (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
  };

  /** Category and label names of French rows, put into the asked locale. */
  const localizeSummaries = async (uid: UID.ContentType, rows: Row[], locale: Locale) => {
    const served = await servedText(uid, Array.from(new Set(rows.map((r) => String(r.documentId)))), locale);
    return (row: Row | null | undefined): CategorySummary | null => {
      const text = row ? served.get(String(row.documentId)) : undefined;
      return text ? toSummary(text) : null;
    };
  };

  /** What a company pays for a French row (its category populated with its documentId); null: the list price. */
  const companyPriceOf = (pricing: CompanyPricing | undefined, row: Row) =>
    pricing ? pricing.priceOf({ documentId: String(row.documentId), priceCents: Number(row.priceCents), categoryDocumentId: (row.category as Row | null)?.documentId ? String((row.category as Row).documentId) : null }) : null;

  /** Product answers for French rows (figures, relations, images populated), text in the asked locale. */
  const toProducts = async (rows: Row[], locale: Locale, withDescription: boolean, pricing?: CompanyPricing) => {
    const ids = rows.map((r) => String(r.documentId));
    const [text, slugs, categoryOf, labelOf] = await Promise.all([
      servedText(PRODUCT, ids, locale, withDescription ? [...TEXT_FIELDS, 'description'] : TEXT_FIELDS),
      slugsOf(PRODUCT, ids),
      localizeSummaries(CATEGORY, rows.map((r) => r.category as Row).filter(Boolean), locale),
      localizeSummaries(LABEL, rows.flatMap((r) => (r.labels as Row[]) ?? []), locale),
    ]);
    const sortLabels = byName(locale);
    return rows.map((row) => {
      const own = text.get(String(row.documentId))!;
      const companyPrice = companyPriceOf(pricing, row);
      return {
        locale: own.locale,
        name: own.name,
        slug: own.slug,
        slugs: slugs.get(String(row.documentId))!,
        sku: String(row.sku ?? ''),
        priceCents: Number(row.priceCents),
        vatRate: VAT_BANDS[row.vatRate as VatBand],
        minQuantity: Number(row.minQuantity),
        quantityStep: Number(row.quantityStep),
        stock: Number(row.stock),
        recycledContentPercent: Number(row.recycledContentPercent),
        co2eKgPer1000: Number(row.co2eKgPer1000),
        countryOfOrigin: String(row.countryOfOrigin),
        category: categoryOf(row.category as Row),
        labels: ((row.labels as Row[]) ?? [])
          .map((l) => labelOf(l) as EcoLabel | null)
          .filter((l): l is EcoLabel => l !== null)
          .sort(sortLabels),
        images: ((row.images as Row[]) ?? []).map((f) => toMedia(f)!),
        description: own.description ?? [],
        createdAt: new Date(row.createdAt as string).toISOString(),
        ...(companyPrice ? { companyPrice } : {}),
      };
    });
  };

  const PRODUCT_POPULATE = {
    category: { select: ['documentId'] },
    labels: { select: ['documentId'] },
    images: { select: MEDIA_FIELDS },
  };

  /** Documents whose text in `locale` (French where there is none) holds every word. */
  const matchingText = async (words: string[], locale: Locale): Promise<Row> => {
    const holdsEvery = { $and: words.map((word) => ({ searchText: { $contains: word } })) };
    if (locale === DEFAULT_LOCALE) return holdsEvery;
    const [inLocale, translated] = await Promise.all([
      query(PRODUCT).findMany({ where: { locale, ...holdsEvery }, select: ['documentId'] }),
      query(PRODUCT).findMany({ where: { locale }, select: ['documentId'] }),
    ]);
    return {
      $or: [
        { documentId: { $in: inLocale.map((r: Row) => r.documentId) } },
        { ...holdsEvery, documentId: { $notIn: translated.map((r: Row) => r.documentId) } },
      ],
    };
  };

  const service = {
    async listProducts(q: ProductListQuery, pricing?: CompanyPricing): Promise<Page<ProductSummary>> {
      const locale = q.locale;
      const where: Row = { locale: DEFAULT_LOCALE, category: { visible: true } };
      const and: Row[] = [];
      if (q.category) {
        const documentId = await documentBySlug(CATEGORY, q.category, locale);
        const category = documentId
          ? await query(CATEGORY).findOne({
              where: { documentId, locale: DEFAULT_LOCALE, visible: true },
              select: ['id'],
              populate: { children: { select: ['id'], where: { visible: true } } },
            })
          : null;
        if (!category) return emptyPage(q);
        and.push({ category: { id: { $in: [category.id, ...(category.children ?? []).map((c: Row) => c.id)] } } });
      }
      if (q.label) {
        const documentId = await documentBySlug(LABEL, q.label, locale);
        if (!documentId) return emptyPage(q);
        and.push({ labels: { documentId } });
      }
      // With a company's prices, the bounds apply to what it pays: filtered below, in memory.
      if (!pricing && q.priceMin !== undefined) and.push({ priceCents: { $gte: q.priceMin } });
      if (!pricing && q.priceMax !== undefined) and.push({ priceCents: { $lte: q.priceMax } });
      const words = q.q ? searchWords(q.q) : [];
      if (words.length > 0) {
        // Its own name and description, or the name of its category ("mailers" finds the mailers).
        const phrase = foldForSearch(q.q!);
        const named = (await visibleCategories(locale)).filter(([, c]) => foldForSearch(c.name).includes(phrase)).map(([documentId]) => documentId);
        and.push({ $or: [await matchingText(words, locale), { category: { documentId: { $in: named } } }] });
      }
      if (and.length > 0) where.$and = and;

      // The order needs the names in the asked locale: candidates are sorted here, then the
      // page is read in full. A catalogue holds hundreds of products, not millions.
      let candidates: Row[] = await query(PRODUCT).findMany({
        where,
        select: ['id', 'documentId', 'priceCents', 'co2eKgPer1000', 'createdAt'],
        ...(pricing ? { populate: { category: { select: ['documentId'] } } } : {}),
      });
      if (pricing) {
        for (const row of candidates) row.priceCents = companyPriceOf(pricing, row)?.priceCents ?? row.priceCents;
        candidates = candidates.filter((r) => (q.priceMin === undefined || Number(r.priceCents) >= q.priceMin) && (q.priceMax === undefined || Number(r.priceCents) <= q.priceMax));
      }
      const names = await servedText(PRODUCT, candidates.map((r) => String(r.documentId)), locale, ['name']);
      const nameOf = (r: Row) => names.get(String(r.documentId))?.name ?? '';
      const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
      const byNameThenId = (a: Row, b: Row) => collator.compare(nameOf(a), nameOf(b)) || Number(a.id) - Number(b.id);
      const sorts: Record<ProductListQuery['sort'], (a: Row, b: Row) => number> = {
        name: byNameThenId,
        price_asc: (a, b) => Number(a.priceCents) - Number(b.priceCents) || byNameThenId(a, b),
        price_desc: (a, b) => Number(b.priceCents) - Number(a.priceCents) || byNameThenId(a, b),
        newest: (a, b) => new Date(b.createdAt as string).getTime() - new Date(a.createdAt as string).getTime() || Number(b.id) - Number(a.id),
        co2e: (a, b) => Number(a.co2eKgPer1000) - Number(b.co2eKgPer1000) || byNameThenId(a, b),
      };
      const total = candidates.length;
      const pageIds = candidates
        .sort(sorts[q.sort])
        .slice((q.page - 1) * q.pageSize, q.page * q.pageSize)
        .map((r) => Number(r.id));
      const rows: Row[] = pageIds.length
        ? await query(PRODUCT).findMany({ where: { id: { $in: pageIds } }, select: FIGURE_FIELDS, populate: PRODUCT_POPULATE })
        : [];
      rows.sort((a, b) => pageIds.indexOf(Number(a.id)) - pageIds.indexOf(Number(b.id)));
      const products = await toProducts(rows, locale, false, pricing);
      return {
        data: products.map(({ images, description: _d, createdAt: _c, ...summary }) => ({ ...summary, image: images[0] ?? null })),
        meta: { pagination: { page: q.page, pageSize: q.pageSize, pageCount: Math.ceil(total / q.pageSize), total } },
      };
    },

    async findProduct(slug: string, locale: Locale, pricing?: CompanyPricing): Promise<Product | null> {
      const documentId = await documentBySlug(PRODUCT, slug, locale);
      if (!documentId) return null;
      const row = await query(PRODUCT).findOne({
        where: { documentId, locale: DEFAULT_LOCALE, category: { visible: true } },
        select: FIGURE_FIELDS,
        populate: PRODUCT_POPULATE,
      });
      if (!row) return null;
      const [product] = await toProducts([row], locale, true, pricing);
      return product;
    },

    async listCategories(locale: Locale): Promise<Category[]> {
      return (await visibleCategories(locale)).map(([, category]) => category);
    },

    async findCategory(slug: string, locale: Locale): Promise<Category | null> {
      const documentId = await documentBySlug(CATEGORY, slug, locale);
      if (!documentId) return null;
      return (await visibleCategories(locale)).find(([id]) => id === documentId)?.[1] ?? null;
    },

    async listEcoLabels(locale: Locale): Promise<EcoLabel[]> {
      const rows: Row[] = await query(LABEL).findMany({ where: { locale: DEFAULT_LOCALE }, select: ['documentId'] });
      const text = await servedText(LABEL, rows.map((r) => String(r.documentId)), locale);
      return Array.from(text.values()).map(toSummary).sort(byName(locale));
    },
  };

  /** The visible categories (and their document ids), by position then name in the asked locale. */
  async function visibleCategories(locale: Locale): Promise<[string, Category][]> {
    const rows: Row[] = await query(CATEGORY).findMany({
      where: { locale: DEFAULT_LOCALE, visible: true },
      select: ['id', 'documentId', 'position'],
      populate: {
        image: { select: MEDIA_FIELDS },
        parent: { select: ['documentId', 'visible'] },
        children: { select: ['documentId', 'position'], where: { visible: true } },
      },
    });
    const shown = rows.filter((row) => !row.parent || (row.parent as Row).visible);
    const ids = Array.from(new Set(rows.flatMap((r) => [r, r.parent as Row, ...((r.children as Row[]) ?? [])]).filter(Boolean).map((r) => String(r.documentId))));
    const [text, slugs] = await Promise.all([servedText(CATEGORY, ids, locale, [...TEXT_FIELDS, 'description']), slugsOf(CATEGORY, ids)]);
    const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    const byPositionThenName = (a: Row, b: Row) =>
      Number(a.position ?? 0) - Number(b.position ?? 0) || collator.compare(text.get(String(a.documentId))?.name ?? '', text.get(String(b.documentId))?.name ?? '');
    const summary = (row: Row | null | undefined) => {
      const own = row ? text.get(String(row.documentId)) : undefined;
      return own ? toSummary(own) : null;
    };
    return shown.sort(byPositionThenName).map((row) => {
      const own = text.get(String(row.documentId))!;
      return [String(row.documentId), {
        ...toSummary(own),
        slugs: slugs.get(String(row.documentId))!,
        description: (own.description as string) ?? null,
        image: toMedia(row.image as Row),
        parent: summary(row.parent as Row),
        children: [...((row.children as Row[]) ?? [])].sort(byPositionThenName).map((c) => summary(c)!),
      }];
    });
  }
  return service;
};
