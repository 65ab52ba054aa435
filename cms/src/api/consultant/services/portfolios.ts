import type { Core } from '@strapi/strapi';
import { ONGOING_STATUSES } from '@ventalis/contracts';

const USER = 'plugin::users-permissions.user';
const CONSULTANT = 'api::consultant.consultant';
/** Orders that brought money in: paid and not cancelled or refunded since. */
const REVENUE_STATUSES = ['paid', 'in_progress', 'shipped', 'delivered'];

interface OrderRow {
  status: string;
  totalExclVatCents: number;
  placedAt: string | Date;
  customer: { id: number } | null;
}
export interface Figures {
  clients: number;
  openOrders: number;
  revenue12MonthsExclVatCents: number;
  lastOrderAt: string | null;
}

/** The administrator's view of every consultant's portfolio: clients, open orders, revenue. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const yearAgo = () => new Date(Date.now() - 365 * 24 * 3600 * 1000);

  const figuresByClient = async (clientIds: number[]) => {
    const byClient = new Map<number, Figures>(clientIds.map((id) => [id, { clients: 1, openOrders: 0, revenue12MonthsExclVatCents: 0, lastOrderAt: null }]));
    if (clientIds.length === 0) return byClient;
    const orders: OrderRow[] = await strapi.db.query('api::order.order').findMany({
      where: { customer: { id: { $in: clientIds } } },
      select: ['status', 'totalExclVatCents', 'placedAt'],
      populate: { customer: { select: ['id'] } },
    });
    const since = yearAgo().getTime();
    for (const order of orders) {
      const figures = order.customer && byClient.get(order.customer.id);
      if (!figures) continue;
      const placedAt = new Date(order.placedAt);
      if ((ONGOING_STATUSES as string[]).includes(order.status)) figures.openOrders += 1;
      if (REVENUE_STATUSES.includes(order.status) && placedAt.getTime() >= since) figures.revenue12MonthsExclVatCents += order.totalExclVatCents;
      if (!figures.lastOrderAt || placedAt.toISOString() > figures.lastOrderAt) figures.lastOrderAt = placedAt.toISOString();
    }
    return byClient;
  };

  const clientsOf = async (consultantId: number): Promise<{ id: number; companyName: string; firstName: string; lastName: string; email: string }[]> => {
    const members = await strapi.db.query(USER).findMany({
      where: { consultant: { id: consultantId } },
      select: ['id', 'firstName', 'lastName', 'email'],
      populate: { company: { select: ['legalName'] } },
      orderBy: [{ company: { legalName: 'asc' } }, { id: 'asc' }],
    });
    return members.map(({ company, ...member }: Record<string, any>) => ({ ...member, companyName: company?.legalName ?? '' })) as never;
  };

  return {
    async overview() {
      const consultants = await strapi.db.query(CONSULTANT).findMany({
        select: ['id', 'firstName', 'lastName', 'email', 'employeeNumber', 'blocked'],
        orderBy: [{ lastName: 'asc' }, { id: 'asc' }],
      });
      const rows = [];
      for (const consultant of consultants) {
        const clients = await clientsOf(consultant.id);
        const figures = [...(await figuresByClient(clients.map((c) => c.id))).values()];
        rows.push({
          ...consultant,
          clients: clients.length,
          openOrders: figures.reduce((n, f) => n + f.openOrders, 0),
          revenue12MonthsExclVatCents: figures.reduce((n, f) => n + f.revenue12MonthsExclVatCents, 0),
        });
      }
      return rows;
    },

    async clients(consultantId: number) {
      const consultant = await strapi.db.query(CONSULTANT).findOne({ where: { id: consultantId }, select: ['id', 'firstName', 'lastName', 'employeeNumber'] });
      if (!consultant) return null;
      const clients = await clientsOf(consultantId);
      const figures = await figuresByClient(clients.map((c) => c.id));
      return {
        consultant,
        clients: clients.map((client) => {
          const { clients: _one, ...rest } = figures.get(client.id)!;
          return { ...client, ...rest };
        }),
      };
    },
  };
};
