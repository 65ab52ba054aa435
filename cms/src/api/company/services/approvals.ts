import type { Core } from '@strapi/strapi';
import { addWorkingDays, APPROVAL_WORKING_DAYS, managesMembers, refusal, type ApprovalReason, type Order } from '@ventalis/contracts';
import { fieldError, forbidden, notFound, refused } from '../../../utils/validation';
import { getService } from '../../../utils/services';
import { SYSTEM, type Actor } from '../../order/services/lifecycle';

const ORDER = 'api::order.order';
const USER = 'plugin::users-permissions.user';
type Row = Record<string, any>;

/** Statuses that are no spend of a buyer's month: nothing was or will be ordered. */
const NOT_SPENT = ['cancelled', 'payment_failed'];

/**
 * Spending limits and approvals. An admin may give a buyer a limit per order and/or per calendar
 * month (excl. VAT). A checkout above it becomes an order awaiting approval, its stock set aside
 * for 3 working days; an admin of the company approves it (→ payment by card, or confirmed on
 * invoice, the credit checked again) or declines it with a comment; past the deadline its stock
 * goes back. An approval changes nothing of the order: its stock, minimums and prices are
 * those the checkout checked and kept.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const lifecycle = () => getService('order.lifecycle');

  /** An order of the admin's company awaiting approval, locked for the decision; 404 for anyone else's. */
  const pendingOrder = async (trx: unknown, adminUserId: number, reference: string) => {
    const membership = await getService('company.companies').membershipOf(adminUserId);
    if (!membership || !managesMembers(membership.role)) throw forbidden(refusal('company.admins_only', "Only your company's administrators approve orders"));
    const row = await strapi.db.query(ORDER).findOne({ where: { reference, company: { id: membership.companyId } }, select: ['id', 'status'] });
    if (!row) throw notFound(refusal('order.not_found', 'No order of your company has this reference'));
    await strapi.db.getConnection('orders').transacting(trx as never).where({ id: row.id }).forUpdate().first('id');
    const order = (await lifecycle().load({ id: row.id }))!;
    if (order.status !== 'awaiting_approval') throw refused(refusal('approval.not_pending', 'This order is not waiting for approval', { status: order.status }));
    return { order, companyId: membership.companyId };
  };

  const actorOf = async (userId: number): Promise<Actor> => {
    const user = await strapi.db.query(USER).findOne({ where: { id: userId }, select: ['firstName', 'lastName'] });
    return { role: 'company_admin', name: `${user?.firstName ?? ''} ${user?.lastName ?? ''}`.trim() || null };
  };

  const service = {
    /**
     * Which limit, if any, an order of `exclVatCents` by this member passes: a buyer's limit per
     * order, then per calendar month (their orders of the month not cancelled or failed, those
     * waiting for approval included). An admin has no limit.
     */
    async limitPassed(userId: number, exclVatCents: number, now = new Date()): Promise<ApprovalReason | null> {
      const user = await strapi.db.query(USER).findOne({ where: { id: userId }, select: ['companyRole', 'orderLimitCents', 'monthlyLimitCents'] });
      if (!user || user.companyRole !== 'buyer') return null;
      if (user.orderLimitCents !== null && user.orderLimitCents !== undefined && exclVatCents > user.orderLimitCents) return 'order_limit';
      if (user.monthlyLimitCents === null || user.monthlyLimitCents === undefined) return null;
      const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
      const orders: Row[] = await strapi.db.query(ORDER).findMany({
        where: { customer: { id: userId }, placedAt: { $gte: monthStart }, status: { $notIn: NOT_SPENT } },
        select: ['id', 'totalExclVatCents'],
      });
      const spent = orders.reduce((sum, o) => sum + Number(o.totalExclVatCents), 0);
      return spent + exclVatCents > user.monthlyLimitCents ? 'monthly_limit' : null;
    },

    deadline: (placedAt: Date) => addWorkingDays(placedAt, APPROVAL_WORKING_DAYS),

    /** The orders of the admin's company waiting for approval, oldest first. */
    async pending(adminUserId: number): Promise<(Order & { buyer: { id: number; name: string } })[]> {
      const membership = await getService('company.companies').membershipOf(adminUserId);
      if (!membership || !managesMembers(membership.role)) throw forbidden(refusal('company.admins_only', "Only your company's administrators approve orders"));
      const rows: Row[] = await strapi.db.query(ORDER).findMany({
        where: { company: { id: membership.companyId }, status: 'awaiting_approval' },
        populate: { lines: true, history: { select: ['id', 'fromStatus', 'toStatus', 'actorRole', 'actorName', 'comment', 'createdAt'] }, customer: { select: ['id', 'firstName', 'lastName'] } },
        orderBy: [{ placedAt: 'asc' }, { id: 'asc' }],
      });
      const toOrder = getService('order.orders').toOrder;
      return rows.map((row) => ({ ...toOrder(row), buyer: { id: row.customer?.id ?? 0, name: `${row.customer?.firstName ?? ''} ${row.customer?.lastName ?? ''}`.trim() } }));
    },

    /**
     * An admin approves: an order by card then waits for its payment (the usual deadline, from
     * now); one on invoice is confirmed, if the company's credit still allows it.
     */
    async approve(adminUserId: number, reference: string, comment: string | undefined): Promise<void> {
      const orderId = await strapi.db.transaction(async ({ trx }) => {
        const { order, companyId } = await pendingOrder(trx, adminUserId, reference);
        const actor = await actorOf(adminUserId);
        if (order.paymentMethod === 'invoice') {
          // The terms as they are today decide, as at checkout; the order is due from its confirmation.
          await strapi.db.getConnection('companies').transacting(trx).where({ id: companyId }).forUpdate().first('id');
          const { paymentTerms, paymentDueAt } = await getService('company.terms').admitInvoiceOrder(companyId, order.totalInclVatCents, new Date(), order.id);
          await lifecycle().record(order, 'in_progress', actor, comment ?? null, { approvalExpiresAt: null, paymentTerms, paymentDueAt });
          return order.id;
        }
        const timeoutMinutes = strapi.config.get('ventalis.payments.timeoutMinutes') as number;
        await lifecycle().record(order, 'awaiting_payment', actor, comment ?? null, { approvalExpiresAt: null, paymentExpiresAt: new Date(Date.now() + timeoutMinutes * 60_000) });
        return null;
      });
      // Confirmed on invoice: its invoice, once the approval is committed.
      if (orderId !== null) getService('document.invoices').issueSoon(orderId);
    },

    /** An admin declines, saying why: the order is cancelled and its stock goes back. */
    async decline(adminUserId: number, reference: string, comment: string | undefined): Promise<void> {
      if (!comment) throw fieldError('comment', refusal('approval.comment_required', 'Say why you decline this order: the buyer reads it'));
      await strapi.db.transaction(async ({ trx }) => {
        const { order } = await pendingOrder(trx, adminUserId, reference);
        await lifecycle().cancel(order, await actorOf(adminUserId), comment);
      });
    },

    /** Orders nobody decided on in time are cancelled and their stock released. */
    async expire(now = new Date()): Promise<number> {
      const late: Row[] = await strapi.db.query(ORDER).findMany({ where: { status: 'awaiting_approval', approvalExpiresAt: { $lt: now } }, select: ['id'] });
      let expired = 0;
      for (const { id } of late) {
        await strapi.db.transaction(async ({ trx }) => {
          await strapi.db.getConnection('orders').transacting(trx).where({ id }).forUpdate().first('id');
          const order = await lifecycle().load({ id });
          if (!order || order.status !== 'awaiting_approval') return;
          await lifecycle().cancel(order, SYSTEM, 'Nobody approved this order in time: it is cancelled and its products released.');
          expired += 1;
        });
      }
      return expired;
    },
  };
  return service;
};
