import type { Core } from '@strapi/strapi';
import type { OrderStatus } from '@ventalis/contracts';
import type { Locale } from '@ventalis/contracts/locale';
import { mails, type OrderMailData } from '../../../mail/templates';
import { ACTORS, shopComment, STATUS_NAMES } from '../../../mail/messages';
import { getService } from '../../../utils/services';
import { accountLocale, storefrontLink } from '../../../utils/locale';
import type { Actor } from './lifecycle';
import { inBackground } from '../../../utils/background';

const ORDER = 'api::order.order';

/** One recorded change of an order's status, as the lifecycle wrote it. */
export interface StatusChange {
  from: OrderStatus | null;
  to: OrderStatus;
  actor: Actor;
  comment: string | null;
  /** The change gave the order's payment back (a paid order cancelled). */
  refunded: boolean;
}

type Row = Record<string, any>;

/**
 * The emails a buyer gets about their order: confirmation when it is placed, the receipt
 * when it is paid, a failed payment, each consultant's change with its comment, and its
 * cancellation. The lifecycle calls `statusChanged` once its transaction has committed, so a
 * change that rolls back mails nothing; a mail that fails is reported (log, failed jobs) and the order stays as it is.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const byWhom = (locale: Locale, actor: Actor) => {
    if (actor.role === 'customer') return ACTORS[locale].customer;
    if (actor.role === 'company_admin') return actor.name ?? ACTORS[locale].companyAdmin;
    return actor.name ?? (actor.role === 'consultant' ? ACTORS[locale].consultant : ACTORS[locale].shop);
  };
  /** A consultant's comment is theirs; the shop's own comments are worded in the mail's language. */
  const commentOf = (locale: Locale, change: StatusChange) =>
    change.actor.role === 'consultant' || change.actor.role === 'administrator' || change.actor.role === 'company_admin' ? (change.comment ?? '') : shopComment(locale, change.comment ?? '');

  /** The order as every template sees it, and its customer's address (null: nobody to mail). */
  async function load(orderId: number): Promise<{ to: string; locale: Locale; order: OrderMailData } | null> {
    const row: Row | null = await strapi.db.query(ORDER).findOne({
      where: { id: orderId },
      populate: { lines: true, customer: { select: ['email', 'firstName', 'language'] }, company: { select: ['legalName'] } },
    });
    if (!row?.customer?.email) return null;
    const locale = accountLocale(row.customer);
    const link = (path: string) => storefrontLink(strapi, locale, path);
    return {
      to: row.customer.email,
      locale,
      order: {
        firstName: row.customer.firstName ?? '',
        companyName: row.company?.legalName ?? '',
        reference: row.reference,
        orderUrl: link(`/orders/${encodeURIComponent(row.reference)}`),
        lines: (row.lines as Row[]).map((l) => ({ productName: l.productName, quantity: l.quantity, pricePer1000Cents: l.pricePer1000Cents, exclVatCents: l.exclVatCents })),
        totals: { exclVatCents: row.totalExclVatCents, vatCents: row.totalVatCents, inclVatCents: row.totalInclVatCents },
        onInvoice: row.paymentMethod === 'invoice' && row.paymentDueAt ? { dueDate: String(row.paymentDueAt).slice(0, 10) } : null,
        awaitingApproval: row.status === 'awaiting_approval' && row.approvalExpiresAt ? { until: new Date(row.approvalExpiresAt).toISOString() } : null,
        purchaseOrderNumber: row.purchaseOrderNumber ?? null,
      },
    };
  }

  function compose(locale: Locale, order: OrderMailData, change: StatusChange) {
    const comment = commentOf(locale, change);
    if (change.from === null) return mails.orderPlaced(locale, order);
    switch (change.to) {
      case 'paid':
        return mails.paymentReceived(locale, order);
      case 'payment_failed':
        return mails.paymentFailed(locale, { ...order, comment, cartUrl: storefrontLink(strapi, locale, '/cart') });
      case 'cancelled':
        return mails.orderCancelled(locale, { ...order, comment, by: byWhom(locale, change.actor), refunded: change.refunded });
      default:
        // Only consultants move an order further; their comment is what the client reads.
        return mails.orderStatusChanged(locale, { ...order, status: STATUS_NAMES[locale][change.to], by: byWhom(locale, change.actor), comment });
    }
  }

  const service = {
    /** Composes the email for a change and queues it (src/jobs: retried when the mail server refuses it). */
    async send(orderId: number, change: StatusChange) {
      const found = await load(orderId);
      if (!found) return;
      await getService('account.mail').send({ to: found.to, locale: found.locale, ...compose(found.locale, found.order, change) });
      if (change.from === null && change.to === 'awaiting_approval') await service.askApproval(orderId);
    },

    /** Each admin of the company, in their own language, is asked to approve or decline a buyer's order. */
    async askApproval(orderId: number) {
      const row: Row | null = await strapi.db.query(ORDER).findOne({
        where: { id: orderId },
        select: ['id', 'approvalExpiresAt'],
        populate: { customer: { select: ['firstName', 'lastName'] }, company: { select: ['id'] } },
      });
      if (!row?.company || !row.approvalExpiresAt) return;
      const admins: Row[] = await strapi.db.query('plugin::users-permissions.user').findMany({ where: { company: { id: row.company.id }, companyRole: 'admin', blocked: false }, select: ['email', 'firstName', 'language'] });
      for (const admin of admins) {
        const locale = accountLocale(admin);
        const found = await load(orderId);
        if (!found) return;
        const data = {
          ...found.order,
          orderUrl: storefrontLink(strapi, locale, `/orders/${encodeURIComponent(found.order.reference)}`),
          adminFirstName: admin.firstName ?? '',
          buyerName: `${row.customer?.firstName ?? ''} ${row.customer?.lastName ?? ''}`.trim(),
          until: new Date(row.approvalExpiresAt).toISOString(),
          approvalsUrl: storefrontLink(strapi, locale, '/account/approvals'),
        };
        await getService('account.mail').send({ to: admin.email, locale, ...mails.approvalRequested(locale, data) });
      }
    },

    /**
     * Called once the change is committed: the mail leaves on its own, after the request's
     * work (a graceful stop waits for it); a failure to compose it is reported to
     * administrators instead of reaching the buyer's checkout or the webhook.
     */
    statusChanged(orderId: number, change: StatusChange) {
      inBackground(`The email of order #${orderId} (${change.from ?? 'placed'} → ${change.to})`, () => service.send(orderId, change));
    },
  };
  return service;
};
