import type { Core } from '@strapi/strapi';
import { getService } from '../../../utils/services';
import type { ClientSummary } from '@ventalis/contracts';

const USER = 'plugin::users-permissions.user';

interface ClientQuery {
  q?: string;
  page: number;
  pageSize: number;
}

/** A consultant's own clients, and nobody else's. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const consultantIdOfUser = async (userId: number): Promise<number | null> => {
    const consultant = await strapi.db.query('api::consultant.consultant').findOne({ where: { user: { id: userId }, blocked: false }, select: ['id'] });
    return consultant?.id ?? null;
  };

  const orderStats = async (clientIds: number[]) => {
    const stats = new Map<number, { orderCount: number; lastOrderAt: string | null }>();
    for (const id of clientIds) stats.set(id, { orderCount: 0, lastOrderAt: null });
    if (clientIds.length === 0) return stats;
    const orders = await strapi.db.query('api::order.order').findMany({
      where: { customer: { id: { $in: clientIds } } },
      select: ['placedAt'],
      populate: { customer: { select: ['id'] } },
    });
    for (const order of orders as { placedAt: string | Date; customer: { id: number } | null }[]) {
      const entry = order.customer && stats.get(order.customer.id);
      if (!entry) continue;
      entry.orderCount += 1;
      const placedAt = new Date(order.placedAt).toISOString();
      if (!entry.lastOrderAt || placedAt > entry.lastOrderAt) entry.lastOrderAt = placedAt;
    }
    return stats;
  };

  const summaryFields = ['id', 'firstName', 'lastName', 'email', 'phone'];
  /** A client is a member of a company: the company's name comes with them. */
  const withCompany = ({ company, ...client }: Record<string, any>) => ({ ...client, companyName: company?.legalName ?? '' });

  return {
    consultantIdOfUser,

    async isAssignedConsultant(consultantUserId: number, clientId: number): Promise<boolean> {
      const consultantId = await consultantIdOfUser(consultantUserId);
      if (consultantId === null) return false;
      const client = await strapi.db.query(USER).findOne({ where: { id: clientId, consultant: { id: consultantId } }, select: ['id'] });
      return Boolean(client);
    },

    async listClients(consultantUserId: number, { q, page, pageSize }: ClientQuery) {
      const consultantId = await consultantIdOfUser(consultantUserId);
      const empty = { data: [] as ClientSummary[], meta: { pagination: { page, pageSize, pageCount: 0, total: 0 } } };
      if (consultantId === null) return empty;
      const where: Record<string, unknown> = { consultant: { id: consultantId }, role: { type: 'customer' } };
      if (q) {
        where.$or = [{ company: { legalName: { $containsi: q } } }, ...['firstName', 'lastName', 'email'].map((field) => ({ [field]: { $containsi: q } }))];
      }
      const [clients, total] = await Promise.all([
        strapi.db.query(USER).findMany({ where, select: summaryFields, populate: { company: { select: ['legalName'] } }, orderBy: [{ company: { legalName: 'asc' } }, { id: 'asc' }], offset: (page - 1) * pageSize, limit: pageSize }),
        strapi.db.query(USER).count({ where }),
      ]);
      const stats = await orderStats(clients.map((c: { id: number }) => c.id));
      return {
        data: clients.map((c: Record<string, any>) => ({ ...(withCompany(c) as ClientSummary), ...stats.get(c.id)! })),
        meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
      };
    },

    async getClient(consultantUserId: number, clientId: number) {
      if (!(await this.isAssignedConsultant(consultantUserId, clientId))) return null;
      const client = await strapi.db.query(USER).findOne({
        where: { id: clientId },
        select: [...summaryFields, 'confirmed', 'createdAt'],
        populate: { company: { select: ['id', 'legalName', 'siret', 'vatNumber'], populate: { billingAddress: { select: ['line1', 'line2', 'postalCode', 'city', 'country'] } } } },
      });
      const stats = await orderStats([clientId]);
      const { company } = client;
      // The company's terms, which its consultant sets (PUT /api/consultant/companies/:id/terms).
      const terms = company ? { id: company.id as number, ...(await getService('company.terms').termsOf(company.id)) } : null;
      return { ...withCompany(client), companyId: company?.id ?? null, siret: company?.siret ?? '', vatNumber: company?.vatNumber ?? '', billingAddress: company?.billingAddress ?? null, company: terms, ...stats.get(clientId)! };
    },
  };
};
