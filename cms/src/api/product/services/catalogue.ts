import type { Core } from '@strapi/strapi';
import { VAT_BANDS, type Category, type CategorySummary, type EcoLabel, type Media, type Page, type Product, type ProductListQuery, type ProductSummary, type VatBand, type Locale } from '@ventalis/contracts';

const PRODUCT = 'api::product.product';
const CATEGORY = 'api::category.category';

const SORTS: Record<ProductListQuery['sort'], Record<string, 'asc' | 'desc'>[]> = {
  name: [{ name: 'asc' }],
  price_asc: [{ priceCents: 'asc' }, { name: 'asc' }],
  price_desc: [{ priceCents: 'desc' }, { name: 'asc' }],
  newest: [{ createdAt: 'desc' }, { id: 'desc' }],
  co2e: [{ co2eKgPer1000: 'asc' }, { name: 'asc' }],
};

const SUMMARY_FIELDS = ['id', 'name', 'slug', 'priceCents', 'vatRate', 'minQuantity', 'quantityStep', 'stock', 'recycledContentPercent', 'co2eKgPer1000', 'countryOfOrigin', 'createdAt'];
const MEDIA_FIELDS = ['url', 'alternativeText', 'width', 'height'];
const SLUG_FIELDS = ['name', 'slug'];

type Row = Record<string, unknown>;

const toMedia = (file: Row | null | undefined): Media | null =>
  file ? { url: String(file.url), alternativeText: (file.alternativeText as string) ?? null, width: (file.width as number) ?? null, height: (file.height as number) ?? null } : null;
const toSlugged = (row: Row | null | undefined): CategorySummary | null => (row ? { name: String(row.name), slug: String(row.slug) } : null);

const productFields = (row: Row) => ({
  name: String(row.name),
  slug: String(row.slug),
  priceCents: Number(row.priceCents),
  vatRate: VAT_BANDS[row.vatRate as VatBand],
  minQuantity: Number(row.minQuantity),
  quantityStep: Number(row.quantityStep),
  stock: Number(row.stock),
  recycledContentPercent: Number(row.recycledContentPercent),
  co2eKgPer1000: Number(row.co2eKgPer1000),
  countryOfOrigin: String(row.countryOfOrigin),
  category: toSlugged(row.category as Row),
  labels: ((row.labels as Row[]) ?? []).map((l) => toSlugged(l) as EcoLabel),
});

/**
 * The public catalogue. Queries are built here from a validated query object, never
 * from raw request parameters, and only public fields are selected: nothing private
 * can be filtered, sorted, populated or returned through it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async listProducts(query: ProductListQuery): Promise<Page<ProductSummary>> {
    const where: Row = { category: { visible: true } };
    const and: Row[] = [];
    if (query.category) {
      const category = await strapi.db.query(CATEGORY).findOne({
        where: { slug: query.category, visible: true },
        select: ['id'],
        populate: { children: { select: ['id'], where: { visible: true } } },
      });
      if (!category) return { data: [], meta: { pagination: { page: query.page, pageSize: query.pageSize, pageCount: 0, total: 0 } } };
      const ids = [category.id, ...(category.children ?? []).map((c: Row) => c.id)];
      and.push({ category: { id: { $in: ids } } });
    }
    if (query.label) and.push({ labels: { slug: query.label } });
    if (query.priceMin !== undefined) and.push({ priceCents: { $gte: query.priceMin } });
    if (query.priceMax !== undefined) and.push({ priceCents: { $lte: query.priceMax } });
    if (query.q) and.push({ $or: [{ name: { $containsi: query.q } }, { category: { name: { $containsi: query.q } } }] });
    if (and.length > 0) where.$and = and;

    const [rows, total] = await Promise.all([
      strapi.db.query(PRODUCT).findMany({
        where,
        select: SUMMARY_FIELDS,
        populate: {
          category: { select: SLUG_FIELDS },
          labels: { select: SLUG_FIELDS, orderBy: { name: 'asc' } },
          images: { select: MEDIA_FIELDS },
        },
        orderBy: SORTS[query.sort],
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      }),
      strapi.db.query(PRODUCT).count({ where }),
    ]);
    return {
      data: rows.map((row: Row) => ({ ...productFields(row), image: toMedia((row.images as Row[] | null)?.[0]) })),
      meta: { pagination: { page: query.page, pageSize: query.pageSize, pageCount: Math.ceil(total / query.pageSize), total } },
    };
  },

  async findProduct(slug: string, _locale?: Locale): Promise<Product | null> {
    const row = await strapi.db.query(PRODUCT).findOne({
      where: { slug, category: { visible: true } },
      select: [...SUMMARY_FIELDS, 'description'],
      populate: {
        category: { select: SLUG_FIELDS },
        labels: { select: SLUG_FIELDS, orderBy: { name: 'asc' } },
        images: { select: MEDIA_FIELDS },
      },
    });
    if (!row) return null;
    return {
      ...productFields(row),
      description: row.description ?? [],
      images: ((row.images as Row[]) ?? []).map((f) => toMedia(f)!),
      createdAt: new Date(row.createdAt as string).toISOString(),
    };
  },

  async listCategories(_locale?: Locale): Promise<Category[]> {
    const rows = await strapi.db.query(CATEGORY).findMany({
      where: { visible: true },
      select: ['id', 'name', 'slug', 'description', 'position'],
      populate: {
        image: { select: MEDIA_FIELDS },
        parent: { select: [...SLUG_FIELDS, 'visible'] },
        children: { select: SLUG_FIELDS, where: { visible: true }, orderBy: [{ position: 'asc' }, { name: 'asc' }] },
      },
      orderBy: [{ position: 'asc' }, { name: 'asc' }],
    });
    return rows
      .filter((row: Row) => !row.parent || (row.parent as Row).visible)
      .map((row: Row) => ({
        name: String(row.name),
        slug: String(row.slug),
        description: (row.description as string) ?? null,
        image: toMedia(row.image as Row),
        parent: toSlugged(row.parent as Row),
        children: ((row.children as Row[]) ?? []).map((c) => toSlugged(c)!),
      }));
  },

  async findCategory(slug: string, _locale?: Locale): Promise<Category | null> {
    return (await this.listCategories()).find((c) => c.slug === slug) ?? null;
  },

  async listEcoLabels(_locale?: Locale): Promise<EcoLabel[]> {
    const rows = await strapi.db.query('api::eco-label.eco-label').findMany({ select: SLUG_FIELDS, orderBy: { name: 'asc' } });
    return rows.map((r: Row) => toSlugged(r) as EcoLabel);
  },
});
