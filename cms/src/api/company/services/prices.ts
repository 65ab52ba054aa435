import type { Core } from '@strapi/strapi';
import {
  CompanyPriceList,
  DEFAULT_LOCALE,
  dayInFrance,
  periodsOverlap,
  refusal,
  type AgreementTerms,
  type CompanyAgreements,
  type CompanyPrice,
  type Day,
  type Locale,
  type PriceAgreement,
  type PriceAgreementInput,
} from '@ventalis/contracts';
import { notFound, refused } from '../../../utils/validation';
import { servedText } from '../../../utils/localized';
import { catalogueCache } from '../../../utils/catalogue-cache';

const AGREEMENT = 'api::company.price-agreement';
const CATEGORY = 'api::category.category';
const PRODUCT = 'api::product.product';
const COMPANY = 'api::company.company';
type Row = Record<string, any>;

/** A product as priced: its document, list price and category (French row's documents). */
export interface PricedRow {
  documentId: string;
  priceCents: number;
  categoryDocumentId: string | null;
}

/**
 * A company's prices on a day: what its members pay for each product. Built per request from
 * the agreements in force that day; the rules themselves are CompanyPriceList's (contracts).
 */
export interface CompanyPricing {
  companyId: number;
  day: Day;
  priceOf(product: PricedRow): CompanyPrice | null;
}

const AGREEMENT_FIELDS = ['id', 'kind', 'discountBasisPoints', 'netPriceCents', 'startsOn', 'endsOn', 'createdAt'];
const AGREEMENT_POPULATE = { category: { select: ['documentId'] }, product: { select: ['documentId'] } };
/** Strapi answers dates as `YYYY-MM-DD` on SQLite and as Date on PostgreSQL. */
const dayOf = (value: unknown): Day => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

const termsOf = (row: Row): AgreementTerms | null => {
  const period = { startsOn: dayOf(row.startsOn), endsOn: dayOf(row.endsOn) };
  if (row.kind === 'net_price' && row.product?.documentId) return { kind: 'net_price', product: row.product.documentId, netPriceCents: Number(row.netPriceCents), ...period };
  if (row.kind === 'category_discount' && row.category?.documentId) return { kind: 'category_discount', category: row.category.documentId, discountBasisPoints: Number(row.discountBasisPoints), ...period };
  // Its product or category was deleted: the agreement no longer applies to anything.
  return null;
};

/**
 * Negotiated prices. A consultant agrees with each company they follow category discounts
 * (sub-categories inherit them; the most specific category wins) and net prices per product
 * (a net price wins over any discount), each from one day to another, both included, in
 * French days. Agreements for the same company and the same product, or the same category,
 * never overlap in time. Members of the company (whatever their role) see its prices; nobody
 * else does. Carts and checkout read the agreements afresh; the catalogue's answers for a
 * company are cached under the company's own key and dropped when an agreement changes
 * (the Document Service reaction in src/index.ts).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Each category's parent (French rows, by document), to walk from a product's category up. */
  const categoryParents = async (): Promise<Map<string, string | null>> => {
    const rows: Row[] = await strapi.db.query(CATEGORY).findMany({ where: { locale: DEFAULT_LOCALE }, select: ['documentId'], populate: { parent: { select: ['documentId'] } } });
    return new Map(rows.map((r) => [String(r.documentId), r.parent?.documentId ? String(r.parent.documentId) : null]));
  };

  const pricingOf = (companyId: number, terms: AgreementTerms[], parents: Map<string, string | null>, day: Day): CompanyPricing | null => {
    const list = new CompanyPriceList(terms, day);
    if (list.isEmpty) return null;
    const chainOf = (category: string | null) => {
      const chain: string[] = [];
      for (let at = category; at && !chain.includes(at); at = parents.get(at) ?? null) chain.push(at);
      return chain;
    };
    return {
      companyId,
      day,
      priceOf: (product) => list.priceOf({ product: product.documentId, listPriceCents: product.priceCents, categories: chainOf(product.categoryDocumentId) }),
    };
  };

  /** Every agreement of a company (whatever its dates), as the rules read them. */
  const termsOfCompany = async (companyId: number): Promise<AgreementTerms[]> => {
    const rows: Row[] = await strapi.db.query(AGREEMENT).findMany({ where: { company: { id: companyId } }, select: AGREEMENT_FIELDS, populate: AGREEMENT_POPULATE });
    return rows.map(termsOf).filter((t): t is AgreementTerms => t !== null);
  };

  /** The company a storefront account is a member of (whatever its role), or null. */
  const companyOfMember = async (userId: number): Promise<number | null> => {
    const company = await strapi.db.query(COMPANY).findOne({ where: { members: { id: userId } }, select: ['id'] });
    return company?.id ?? null;
  };

  const describe = async (rows: Row[], locale: Locale): Promise<PriceAgreement[]> => {
    const [categories, products] = await Promise.all([
      servedText(strapi, CATEGORY, rows.flatMap((r) => (r.category ? [r.category.documentId] : [])), locale),
      servedText(strapi, PRODUCT, rows.flatMap((r) => (r.product ? [r.product.documentId] : [])), locale),
    ]);
    return rows.map((row) => {
      const category = row.category ? categories.get(row.category.documentId) : undefined;
      const product = row.product ? products.get(row.product.documentId) : undefined;
      return {
        id: row.id,
        kind: row.kind,
        category: category ? { slug: category.slug, name: category.name, locale: category.locale } : null,
        product: product ? { slug: product.slug, name: product.name, locale: product.locale, listPriceCents: Number(row.product.priceCents) } : null,
        discountBasisPoints: row.kind === 'category_discount' ? Number(row.discountBasisPoints) : null,
        netPriceCents: row.kind === 'net_price' ? Number(row.netPriceCents) : null,
        startsOn: dayOf(row.startsOn),
        endsOn: dayOf(row.endsOn),
        createdBy: row.consultant ? `${row.consultant.firstName ?? ''} ${row.consultant.lastName ?? ''}`.trim() : null,
        createdAt: new Date(row.createdAt).toISOString(),
      };
    });
  };

  /** The French row of the category or product a slug names, in any language. */
  const frenchRow = async (uid: typeof CATEGORY | typeof PRODUCT, slug: string): Promise<Row | null> => {
    const named = await strapi.db.query(uid).findOne({ where: { slug }, select: ['documentId'], orderBy: { id: 'asc' } });
    return named ? strapi.db.query(uid).findOne({ where: { documentId: named.documentId, locale: DEFAULT_LOCALE }, select: ['id', 'documentId'] }) : null;
  };

  /** What an input stores: the target's French row, or a 400 naming the slug nothing has. */
  const targetOf = async (input: PriceAgreementInput) => {
    if (input.kind === 'category_discount') {
      const category = await frenchRow(CATEGORY, input.category);
      if (!category) throw refused(refusal('agreement.category_not_found', `No category has the address "${input.category}"`, { slug: input.category }), { errors: { category: 'Unknown category' } });
      return { kind: input.kind, category: category.id, product: null, discountBasisPoints: input.discountBasisPoints, netPriceCents: null, startsOn: input.startsOn, endsOn: input.endsOn };
    }
    const product = await frenchRow(PRODUCT, input.product);
    if (!product) throw refused(refusal('agreement.product_not_found', `No product has the address "${input.product}"`, { slug: input.product }), { errors: { product: 'Unknown product' } });
    return { kind: input.kind, category: null, product: product.id, discountBasisPoints: null, netPriceCents: input.netPriceCents, startsOn: input.startsOn, endsOn: input.endsOn };
  };

  /** Refuses an agreement whose product or category already has one of this company's agreements in that period. */
  const refuseOverlap = async (companyId: number, data: Awaited<ReturnType<typeof targetOf>>, exceptId?: number) => {
    const target = data.kind === 'net_price' ? { product: { id: data.product } } : { category: { id: data.category } };
    const others: Row[] = await strapi.db.query(AGREEMENT).findMany({
      where: { company: { id: companyId }, kind: data.kind, ...target, ...(exceptId ? { id: { $ne: exceptId } } : {}) },
      select: ['id', 'startsOn', 'endsOn'],
    });
    const clash = others.map((o) => ({ startsOn: dayOf(o.startsOn), endsOn: dayOf(o.endsOn) })).find((o) => periodsOverlap(o, data));
    if (clash) {
      const what = data.kind === 'net_price' ? 'This product already has a net price' : 'This category already has a discount';
      throw refused(refusal('agreement.overlap', `${what} from ${clash.startsOn} to ${clash.endsOn}: change that one, or choose days outside it`, clash), { errors: { startsOn: 'Overlaps another agreement' } });
    }
  };

  /** One agreement change at a time per company: the row lock serialises the overlap checks. */
  const lockCompany = async (trx: unknown, companyId: number) => {
    await strapi.db.getConnection('companies').transacting(trx as never).where({ id: companyId }).forUpdate().first('id');
  };

  const findAgreement = async (companyId: number, agreementId: number) => {
    const row = Number.isSafeInteger(agreementId) && agreementId > 0 ? await strapi.db.query(AGREEMENT).findOne({ where: { id: agreementId, company: { id: companyId } }, select: ['id', 'documentId'] }) : null;
    if (!row) throw notFound(refusal('agreement.not_found', 'This company has no agreement with this id'));
    return row;
  };

  const loadAgreements = (where: Row): Promise<Row[]> =>
    strapi.db.query(AGREEMENT).findMany({
      where,
      select: AGREEMENT_FIELDS,
      populate: { category: { select: ['documentId'] }, product: { select: ['documentId', 'priceCents'] }, consultant: { select: ['firstName', 'lastName'] } },
      orderBy: [{ startsOn: 'desc' }, { id: 'desc' }],
    });

  const service = {
    /**
     * The prices of the signed-in person's company today, or null when they pay list prices
     * (no company, or no agreement in force): then the shared public answers are theirs too.
     * Membership is read on every call. The company's agreements and the category tree are
     * read afresh for carts and checkout; catalogue reads (`{ cached: true }`) keep them as long
     * as the catalogue's answers, dropped with them when an agreement or a category changes.
     */
    async pricingForMember(userId: number, options: { day?: Day; cached?: boolean } = {}): Promise<CompanyPricing | null> {
      const companyId = await companyOfMember(userId);
      return companyId === null ? null : service.pricingForCompany(companyId, options);
    },

    /** The same, for a company already known. */
    async pricingForCompany(companyId: number, { day = dayInFrance(), cached = false }: { day?: Day; cached?: boolean } = {}): Promise<CompanyPricing | null> {
      const remember = <T>(key: string, load: () => Promise<T>) => (cached ? catalogueCache.remember(key, load) : load());
      const terms = await remember(`agreements:${companyId}`, () => termsOfCompany(companyId));
      if (!terms.some((t) => t.startsOn <= day && day <= t.endsOn)) return null;
      const parents = terms.some((t) => t.kind === 'category_discount') ? await remember('category-parents', categoryParents) : new Map<string, string | null>();
      return pricingOf(companyId, terms, parents, day);
    },

    /** The company's price of each product, or null where it pays the list price. */
    priceOf(pricing: CompanyPricing | null, product: PricedRow): CompanyPrice | null {
      return pricing ? pricing.priceOf(product) : null;
    },

    /** Whether the signed-in consultant follows this company (the company's consultant is theirs). */
    async isCompanyConsultant(consultantUserId: number, companyId: number): Promise<boolean> {
      if (!Number.isSafeInteger(companyId) || companyId <= 0) return false;
      const company = await strapi.db.query(COMPANY).findOne({ where: { id: companyId, consultant: { user: { id: consultantUserId }, blocked: false } }, select: ['id'] });
      return Boolean(company);
    },

    async list(companyId: number, locale: Locale): Promise<CompanyAgreements> {
      const company = await strapi.db.query(COMPANY).findOne({ where: { id: companyId }, select: ['id', 'legalName'] });
      return { company: { id: company.id, legalName: company.legalName }, agreements: await describe(await loadAgreements({ company: { id: companyId } }), locale) };
    },

    async create(companyId: number, consultantUserId: number, input: PriceAgreementInput, locale: Locale): Promise<PriceAgreement> {
      const created = await strapi.db.transaction(async ({ trx }) => {
        await lockCompany(trx, companyId);
        const data = await targetOf(input);
        await refuseOverlap(companyId, data);
        const consultant = await strapi.db.query('api::consultant.consultant').findOne({ where: { user: { id: consultantUserId } }, select: ['id'] });
        return strapi.documents(AGREEMENT).create({ data: { ...data, company: companyId, consultant: consultant?.id ?? null } as never });
      });
      return (await describe(await loadAgreements({ id: created.id }), locale))[0];
    },

    async update(companyId: number, agreementId: number, input: PriceAgreementInput, locale: Locale): Promise<PriceAgreement> {
      await strapi.db.transaction(async ({ trx }) => {
        await lockCompany(trx, companyId);
        const existing = await findAgreement(companyId, agreementId);
        const data = await targetOf(input);
        await refuseOverlap(companyId, data, existing.id);
        await strapi.documents(AGREEMENT).update({ documentId: existing.documentId, data: data as never });
      });
      return (await describe(await loadAgreements({ id: agreementId }), locale))[0];
    },

    async remove(companyId: number, agreementId: number): Promise<void> {
      const existing = await findAgreement(companyId, agreementId);
      await strapi.documents(AGREEMENT).delete({ documentId: existing.documentId });
    },
  };
  return service;
};
