import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { invoiceBalance, isPaymentTerms, paymentDueDate, refusal, type CheckoutOptions, type CompanyTerms, type PaymentTerms } from '@ventalis/contracts';
import { notFound, refusalDetails } from '../../../utils/validation';
import { getService } from '../../../utils/services';

const COMPANY = 'api::company.company';
const ORDER = 'api::order.order';
type Row = Record<string, any>;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Payment terms: a company pays by card unless its consultant (or an administrator) grants it
 * payment on invoice, by bank transfer within 30 days, 45 days end of month or 60 days, up to
 * a credit limit. An order on invoice is accepted only while the unpaid orders on invoice and
 * this one stay within the limit and none is past its due date.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const termsOfRow = (row: Row): CompanyTerms => ({
    paymentTerms: isPaymentTerms(row.paymentTerms) ? row.paymentTerms : 'card',
    creditLimitCents: Number(row.creditLimitCents ?? 0),
    requirePurchaseOrder: Boolean(row.requirePurchaseOrder),
  });

  const service = {
    async termsOf(companyId: number): Promise<CompanyTerms> {
      const row = await strapi.db.query(COMPANY).findOne({ where: { id: companyId }, select: ['paymentTerms', 'creditLimitCents', 'requirePurchaseOrder'] });
      return termsOfRow(row ?? {});
    },

    /**
     * What the company owes on invoice (unpaid orders on invoice not cancelled, less what their
     * invoices have received, but for `excludingOrderId`), and whether one is past its due date.
     */
    async creditUsed(companyId: number, today = new Date(), excludingOrderId?: number): Promise<{ usedCents: number; overdue: boolean }> {
      const rows: Row[] = await strapi.db.query(ORDER).findMany({
        where: { company: { id: companyId }, paymentMethod: 'invoice', paymentStatus: 'unpaid', status: { $ne: 'cancelled' }, ...(excludingOrderId ? { id: { $ne: excludingOrderId } } : {}) },
        // With the id: a select without it is made distinct, and two equal orders would count once.
        select: ['id', 'totalInclVatCents', 'paymentDueAt'],
        // What its invoice already received (partial payments) or had credited frees that much credit.
        populate: { invoice: { select: ['totalInclVatCents', 'paidCents', 'creditedCents'] } },
      });
      const day = isoDay(today);
      return {
        usedCents: rows.reduce((sum, row) => sum + (row.invoice ? invoiceBalance({ totalInclVatCents: Number(row.invoice.totalInclVatCents), paidCents: Number(row.invoice.paidCents), creditedCents: Number(row.invoice.creditedCents) }) : Number(row.totalInclVatCents)), 0),
        overdue: rows.some((row) => row.paymentDueAt && String(row.paymentDueAt).slice(0, 10) < day),
      };
    },

    /** The checkout's choices for a member who may order. */
    async checkoutOptions(userId: number, now = new Date()): Promise<CheckoutOptions> {
      const { companyId } = await getService('company.companies').assertMayOrder(userId);
      const terms = await service.termsOf(companyId);
      const { usedCents, overdue } = await service.creditUsed(companyId, now);
      const onInvoice = terms.paymentTerms !== 'card';
      const due = paymentDueDate(terms.paymentTerms, now);
      return {
        methods: onInvoice ? ['card', 'invoice'] : ['card'],
        paymentTerms: terms.paymentTerms,
        requirePurchaseOrder: terms.requirePurchaseOrder,
        creditLimitCents: onInvoice ? terms.creditLimitCents : 0,
        creditAvailableCents: onInvoice ? Math.max(0, terms.creditLimitCents - usedCents) : 0,
        overdue,
        dueDateIfToday: due ? isoDay(due) : null,
      };
    },

    /**
     * Refuses an order of `amountCents` on invoice that the company's terms do not allow, with
     * the reason and the credit left; else says its terms and due date. Runs inside the
     * checkout's transaction, after the company's row is locked, so that two checkouts at once
     * cannot both spend the same credit. An order already stored (approved after checkout) names
     * itself, so that it is not counted twice.
     */
    async admitInvoiceOrder(companyId: number, amountCents: number, now = new Date(), excludingOrderId?: number): Promise<{ paymentTerms: PaymentTerms; paymentDueAt: string }> {
      const terms = await service.termsOf(companyId);
      const due = paymentDueDate(terms.paymentTerms, now);
      if (!due) throw refusedCheckout(refusal('checkout.invoice_not_granted', 'Your company pays by card: ask your consultant about paying on invoice'));
      const { usedCents, overdue } = await service.creditUsed(companyId, now, excludingOrderId);
      if (overdue) throw refusedCheckout(refusal('checkout.invoice_overdue', 'An invoice of your company is overdue: you can order on invoice again once it is settled'));
      const availableCents = Math.max(0, terms.creditLimitCents - usedCents);
      if (amountCents > availableCents) {
        throw refusedCheckout(refusal('checkout.credit_limit_exceeded', `This order would pass your company's credit limit: ${(availableCents / 100).toFixed(2)} EUR is available on invoice`, { availableCents }));
      }
      return { paymentTerms: terms.paymentTerms, paymentDueAt: isoDay(due) };
    },

    /** A consultant's client company, or a 404 (the same for another consultant's as for none). */
    async companyOfConsultant(consultantUserId: number, companyId: number): Promise<number> {
      const consultantId = await getService('consultant.portfolio').consultantIdOfUser(consultantUserId);
      const company = await strapi.db.query(COMPANY).findOne({ where: { id: companyId, consultant: { id: consultantId ?? -1 } }, select: ['id'] });
      if (!company) throw notFound(refusal('company.not_found', 'This company does not exist or is not one of your clients'));
      return company.id;
    },

    async setTerms(companyId: number, terms: CompanyTerms): Promise<CompanyTerms> {
      await strapi.db.query(COMPANY).update({ where: { id: companyId }, data: terms });
      return service.termsOf(companyId);
    },
  };

  return service;
};

const refusedCheckout = (reason: ReturnType<typeof refusal>) => new errors.ValidationError(reason.message, refusalDetails(reason));
