import type { Core } from '@strapi/strapi';
import {
  dayInFrance,
  COMPLETED_STATUSES,
  nearestValidQuantity,
  ONGOING_STATUSES,
  quantityRefusal,
  refusal,
  SPENT_STATUSES,
  type CategoryImpact,
  type CodedError,
  type ImpactSummary,
  type Order,
  type OrderStatus,
  type VatRate,
} from '@ventalis/contracts';
import { DEFAULT_LOCALE, type Locale } from '@ventalis/contracts/locale';
import { namesIn, servedText } from '../../../utils/localized';
import { notFound } from '../../../utils/validation';
import { getService } from '../../../utils/services';

const ORDER = 'api::order.order';
type Row = Record<string, any>;

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);

const toOrder = (row: Row): Order => ({
  reference: row.reference,
  status: row.status,
  placedAt: iso(row.placedAt)!,
  provider: row.provider,
  paymentExpiresAt: row.status === 'awaiting_payment' ? iso(row.paymentExpiresAt) : null,
  paymentMethod: row.paymentMethod ?? 'card',
  paymentStatus: row.paymentStatus ?? 'unpaid',
  paymentTerms: row.paymentTerms ?? null,
  paymentDueAt: row.paymentDueAt ? String(row.paymentDueAt).slice(0, 10) : null,
  purchaseOrderNumber: row.purchaseOrderNumber ?? null,
  quoteNumber: row.quoteNumber ?? null,
  approvalExpiresAt: row.status === 'awaiting_approval' ? iso(row.approvalExpiresAt) : null,
  approvalReason: row.status === 'awaiting_approval' ? (row.approvalReason ?? null) : null,
  vatRegime: row.vatRegime === 'intra_community' ? 'intra_community' : 'domestic',
  invoiceNumber: row.invoice?.number ?? null,
  lines: (row.lines ?? []).map((l: Row) => ({
    productName: l.productName,
    productSlug: l.productSlug,
    quantity: l.quantity,
    pricePer1000Cents: l.pricePer1000Cents,
    listPricePer1000Cents: l.listPricePer1000Cents ?? null,
    vatRate: l.vatRate as VatRate,
    amounts: { exclVatCents: l.exclVatCents, vatCents: l.vatCents, inclVatCents: l.exclVatCents + l.vatCents, co2eGrams: l.co2eGrams ?? 0 },
  })),
  totals: { exclVatCents: row.totalExclVatCents, vatCents: row.totalVatCents, inclVatCents: row.totalInclVatCents, co2eGrams: row.co2eGrams ?? 0 },
  history: (row.history ?? [])
    .sort((a: Row, b: Row) => a.id - b.id)
    .map((e: Row) => ({ at: iso(e.createdAt)!, from: e.fromStatus ?? null, to: e.toStatus, by: e.actorRole, byName: e.actorName ?? null, comment: e.comment ?? null })),
});

const DETAIL = {
  lines: true,
  invoice: { select: ['number'] },
  history: { select: ['id', 'fromStatus', 'toStatus', 'actorRole', 'actorName', 'comment', 'createdAt'] },
};

/**
 * Reading orders: a member of a client company those their role lets them see (every order of
 * the company for an admin or an accountant, their own for a buyer), a consultant those of
 * the companies they follow.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const companies = () => getService('company.companies');
  const page = async (where: Row, p: { page: number; pageSize: number }, withCustomer = false) => {
    const [rows, total] = await Promise.all([
      strapi.db.query(ORDER).findMany({
        where,
        populate: { ...DETAIL, ...(withCustomer ? { customer: { select: ['id', 'email'] }, company: { select: ['legalName'] } } : {}) },
        orderBy: [{ placedAt: 'desc' }, { id: 'desc' }],
        offset: (p.page - 1) * p.pageSize,
        limit: p.pageSize,
      }),
      strapi.db.query(ORDER).count({ where }),
    ]);
    return {
      data: rows.map((row: Row) => ({ ...toOrder(row), ...(withCustomer ? { client: row.customer ? { id: row.customer.id, companyName: row.company?.legalName ?? '', email: row.customer.email } : null } : {}) })),
      meta: { pagination: { page: p.page, pageSize: p.pageSize, pageCount: Math.ceil(total / p.pageSize), total } },
    };
  };

  const service = {
    toOrder,

    async listForCustomer(customerId: number, query: { scope?: 'ongoing' | 'completed'; page: number; pageSize: number }) {
      const where: Row = await companies().orderScope(customerId);
      if (query.scope) where.status = { $in: query.scope === 'ongoing' ? ONGOING_STATUSES : COMPLETED_STATUSES };
      return page(where, query);
    },

    /** An order the member may see, or a 404 (the same for someone else's as for none). */
    async getForCustomer(customerId: number, reference: string) {
      const row = await strapi.db.query(ORDER).findOne({ where: { reference, ...(await companies().orderScope(customerId)) }, populate: DETAIL });
      if (!row) throw notFound(refusal('order.not_found', 'No order of yours has this reference'));
      return toOrder(row);
    },

    async listForConsultant(consultantUserId: number, query: { status?: OrderStatus; client?: number; page: number; pageSize: number }) {
      const consultantId = await getService('consultant.portfolio').consultantIdOfUser(consultantUserId);
      const where: Row = { company: { consultant: { id: consultantId ?? -1 } } };
      if (query.status) where.status = query.status;
      if (query.client) where.customer = { id: query.client };
      return page(where, query, true);
    },

    /** One of the consultant's clients' orders, with internal notes; a 404 for anyone else's. */
    async getForConsultant(consultantUserId: number, reference: string) {
      const consultantId = await getService('consultant.portfolio').consultantIdOfUser(consultantUserId);
      const row = await strapi.db.query(ORDER).findOne({
        where: { reference, company: { consultant: { id: consultantId ?? -1 } } },
        populate: { ...DETAIL, customer: { select: ['id', 'email', 'firstName', 'lastName'] }, company: { select: ['legalName'] }, notes: { select: ['id', 'authorName', 'body', 'createdAt'] } },
      });
      if (!row) throw notFound(refusal('order.not_found', 'No order of your clients has this reference'));
      return {
        row,
        view: {
          ...toOrder(row),
          client: { id: row.customer.id, companyName: row.company?.legalName ?? '', email: row.customer.email, firstName: row.customer.firstName, lastName: row.customer.lastName },
          notes: (row.notes ?? []).sort((a: Row, b: Row) => a.id - b.id).map((n: Row) => ({ at: iso(n.createdAt), author: n.authorName, body: n.body })),
        },
      };
    },

    async addNote(consultantUserId: number, reference: string, body: string, authorName: string) {
      const { row } = await service.getForConsultant(consultantUserId, reference);
      await strapi.db.query('api::order.order-note').create({ data: { order: row.id, author: consultantUserId, authorName, body } });
      return (await service.getForConsultant(consultantUserId, reference)).view;
    },

    async impactForCustomer(customerId: number, year: number, locale: Locale = DEFAULT_LOCALE): Promise<ImpactSummary> {
      const spent = { ...(await companies().orderScope(customerId)), status: { $in: SPENT_STATUSES } };
      const [rows, dates] = await Promise.all([
        strapi.db.query(ORDER).findMany({
          // The year in France's calendar (January is always at UTC+1 there).
          where: { ...spent, placedAt: { $gte: new Date(`${year}-01-01T00:00:00+01:00`), $lt: new Date(`${year + 1}-01-01T00:00:00+01:00`) } },
          select: ['id', 'placedAt'],
          populate: { lines: true },
        }),
        strapi.db.query(ORDER).findMany({ where: spent, select: ['placedAt'] }),
      ]);
      const lines = rows.flatMap((row: Row) => row.lines as Row[]);
      // Lines ordered before categories were kept on them: the product's category today.
      const unnamed = [...new Set(lines.filter((l) => !l.categoryName && l.productId).map((l) => l.productId as number))];
      const categoryOf = new Map<number, string>();
      if (unnamed.length > 0) {
        const products = await strapi.db.query('api::product.product').findMany({ where: { id: { $in: unnamed } }, select: ['id'], populate: { category: { select: ['name'] } } });
        for (const p of products as Row[]) if (p.category) categoryOf.set(p.id, p.category.name);
      }
      const named = await namesIn(strapi, 'api::category.category', [...new Set([...lines.map((l) => l.categoryName as string), ...categoryOf.values()].filter(Boolean))], locale);
      const byCategory = new Map<string, CategoryImpact>();
      for (const line of lines) {
        const kept: string | undefined = line.categoryName || categoryOf.get(line.productId);
        const category = kept ? (named.get(kept) ?? kept) : 'Other';
        const entry = byCategory.get(category) ?? { category, units: 0, exclVatCents: 0, co2eGrams: 0 };
        entry.units += line.quantity;
        entry.exclVatCents += line.exclVatCents;
        entry.co2eGrams += line.co2eGrams ?? 0;
        byCategory.set(category, entry);
      }
      const categories = [...byCategory.values()].sort((a, b) => b.exclVatCents - a.exclVatCents || a.category.localeCompare(b.category));
      // Each order's month in France's calendar, where the year's orders were placed.
      const byMonth = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, exclVatCents: 0, co2eGrams: 0 }));
      for (const row of rows as Row[]) {
        const month = byMonth[Number(dayInFrance(new Date(row.placedAt)).slice(5, 7)) - 1]!;
        for (const line of row.lines as Row[]) {
          month.exclVatCents += line.exclVatCents;
          month.co2eGrams += line.co2eGrams ?? 0;
        }
      }
      const yearOf = (at: Date) => Number(dayInFrance(at).slice(0, 4));
      const years = new Set<number>([yearOf(new Date()), ...dates.map((d: Row) => yearOf(new Date(d.placedAt)))]);
      return {
        year,
        years: [...years].sort((a, b) => b - a),
        orders: rows.length,
        totals: { exclVatCents: categories.reduce((t, c) => t + c.exclVatCents, 0), co2eGrams: categories.reduce((t, c) => t + c.co2eGrams, 0) },
        byCategory: categories,
        byMonth,
      };
    },

    /** The lines of a past order back into the cart, at today's prices and within today's rules. */
    async reorder(customerId: number, reference: string, locale: Locale = DEFAULT_LOCALE) {
      await companies().assertMayOrder(customerId);
      const row = await strapi.db.query(ORDER).findOne({ where: { reference, ...(await companies().orderScope(customerId)) }, populate: { lines: true } });
      if (!row) throw notFound(refusal('order.not_found', 'No order of yours has this reference'));
      const cart = getService('cart.cart');
      // Each skipped line says why in English and as a code, for the storefront to word it.
      const skipped: { product: string; documentId?: string; reason: string; code: CodedError }[] = [];
      for (const line of row.lines as Row[]) {
        const product = line.productId
          ? await strapi.db.query('api::product.product').findOne({ where: { id: line.productId, category: { visible: true } }, select: ['id', 'documentId', 'name', 'minQuantity', 'quantityStep', 'stock'] })
          : null;
        if (!product) {
          skipped.push({ product: line.productName, reason: 'no longer sold', code: { code: 'cart.product_not_found', params: { slug: line.productSlug } } });
          continue;
        }
        const quantity = nearestValidQuantity(line.quantity, product);
        const problem = quantityRefusal(quantity, product);
        if (problem) {
          const { message: reason, ...code } = problem;
          skipped.push({ product: product.name, documentId: product.documentId, reason, code });
          continue;
        }
        await cart.putBack(customerId, [{ productId: product.id, quantity }]);
      }
      const names = await servedText(strapi, 'api::product.product', skipped.flatMap((s) => (s.documentId ? [s.documentId] : [])), locale);
      return {
        cart: await cart.view(customerId, locale),
        skipped: skipped.map(({ documentId, ...rest }) => ({ ...rest, product: (documentId && names.get(documentId)?.name) || rest.product })),
      };
    },
  };
  return service;
};
