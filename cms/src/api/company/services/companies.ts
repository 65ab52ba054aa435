import type { Core } from '@strapi/strapi';
import { isCompanyRole, mayOrder, refusal, seesCompanyOrders, vatRegimeOf, type Address, type CompanyMembership, type CompanyRole, type PendingJoin, type VatRegime } from '@ventalis/contracts';
import { forbidden } from '../../../utils/validation';
import { getService } from '../../../utils/services';

const COMPANY = 'api::company.company';
const JOIN_REQUEST = 'api::company.join-request';
const USER = 'plugin::users-permissions.user';
type Row = Record<string, any>;

/** What a company is registered with. */
export interface CompanyIdentity {
  legalName: string;
  siret: string;
  vatNumber: string;
  billingAddress: Address;
}

export interface Membership {
  companyId: number;
  role: CompanyRole;
}

/** An account outside any company (never joined, or removed by its admins). */
export const notMember = () => refusal('company.not_member', 'Your account is not a member of a company');

const ADDRESS_FIELDS = ['line1', 'line2', 'postalCode', 'city', 'country'];

/**
 * Client companies: the company is the client. The first person to register a company is
 * its admin; someone registering with the SIRET of an existing company asks to join it. The
 * company has the consultant (the assignment service gives it one) and owns its orders; what
 * each member may do follows their role (the rules are in contracts: mayOrder, seesCompanyOrders).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = {
    /** The company of a storefront account and the account's role in it; null for a consultant or someone waiting to join. */
    async membershipOf(userId: number): Promise<Membership | null> {
      const user = await strapi.db.query(USER).findOne({ where: { id: userId }, select: ['id', 'companyRole'], populate: { company: { select: ['id'] } } });
      if (!user?.company || !isCompanyRole(user.companyRole)) return null;
      return { companyId: user.company.id, role: user.companyRole };
    },

    /** How VAT applies to a company's purchases (vatRegimeOf): read afresh, as its billing address or VAT number may have just changed. */
    async vatRegimeOf(companyId: number | null): Promise<VatRegime> {
      if (companyId === null) return 'domestic';
      const company = await strapi.db.query(COMPANY).findOne({ where: { id: companyId }, select: ['id', 'vatNumber'], populate: { billingAddress: { select: ['country'] } } });
      return vatRegimeOf({ country: company?.billingAddress?.country, vatNumber: company?.vatNumber });
    },

    /** The company and role an account answers with, or the request to join it is waiting on. */
    async describe(userId: number): Promise<{ membership: CompanyMembership | null; pendingJoin: PendingJoin | null }> {
      const user = await strapi.db.query(USER).findOne({
        where: { id: userId },
        select: ['id', 'companyRole'],
        populate: {
          company: { select: ['id', 'legalName', 'siret', 'vatNumber'] },
          joinRequest: { select: ['status', 'createdAt'], populate: { company: { select: ['legalName'] } } },
        },
      });
      const company = user?.company;
      const membership = company && isCompanyRole(user.companyRole) ? { company: { id: company.id, legalName: company.legalName, siret: company.siret ?? '', vatNumber: company.vatNumber ?? '' }, role: user.companyRole } : null;
      const request = user?.joinRequest;
      const pendingJoin = !membership && request?.status === 'pending' ? { legalName: request.company?.legalName ?? '', requestedAt: new Date(request.createdAt).toISOString() } : null;
      return { membership, pendingJoin };
    },

    /**
     * Which orders an account may read, as a query condition: every order of the company for
     * an admin or an accountant, their own for a buyer; nothing for anyone else.
     */
    async orderScope(userId: number): Promise<Record<string, unknown>> {
      const membership = await service.membershipOf(userId);
      if (membership && seesCompanyOrders(membership.role)) return { company: { id: membership.companyId } };
      if (membership) return { company: { id: membership.companyId }, customer: { id: userId } };
      // Someone who left their company (or waits to join one): its orders stayed with it.
      return { id: { $null: true } };
    },

    /**
     * The same rule for one order and one person already known: a member of the order's
     * company who sees every order of it (admin, accountant), or the buyer who placed it.
     */
    seesOrder(person: { id: number; companyId: number | null; role: CompanyRole | null }, order: { companyId: number | null; customerId: number | null }): boolean {
      return person.companyId !== null && person.companyId === order.companyId && person.role !== null && (seesCompanyOrders(person.role) || person.id === order.customerId);
    },

    /** Refuses, with the reason, an account that may not fill a cart or check out. */
    async assertMayOrder(userId: number): Promise<Membership> {
      const membership = await service.membershipOf(userId);
      if (membership && mayOrder(membership.role)) return membership;
      const { pendingJoin } = membership ? { pendingJoin: null } : await service.describe(userId);
      const reason = membership
        ? refusal('company.ordering_not_allowed', 'Your role in your company does not allow ordering: ask one of its administrators', { role: membership.role })
        : pendingJoin
          ? refusal('company.membership_pending', `Your request to join ${pendingJoin.legalName} is waiting for its administrators: you can order once one of them accepts it`, { company: pendingJoin.legalName })
          : notMember();
      throw forbidden(reason);
    },

    /**
     * A new customer's company: a company of their own, which they administer and which gets
     * the least loaded consultant, or, when a company already has this SIRET, a request to join
     * it. Runs inside the registration's transaction.
     */
    async enrol(userId: number, identity: CompanyIdentity): Promise<{ companyId: number; joined: 'created' | 'requested' }> {
      const existing = identity.siret ? await strapi.db.query(COMPANY).findOne({ where: { siret: identity.siret }, select: ['id'], orderBy: { id: 'asc' } }) : null;
      if (existing) {
        await strapi.db.query(JOIN_REQUEST).create({ data: { company: existing.id, user: userId, status: 'pending' } });
        return { companyId: existing.id, joined: 'requested' };
      }
      const companyId = await service.create(identity);
      await strapi.db.query(USER).update({ where: { id: userId }, data: { company: companyId, companyRole: 'admin' } });
      await getService('consultant.assignment').assignLeastLoadedConsultant(companyId);
      return { companyId, joined: 'created' };
    },

    async create(identity: CompanyIdentity): Promise<number> {
      const created = await strapi.documents(COMPANY).create({
        data: { legalName: identity.legalName, siret: identity.siret || null, vatNumber: identity.vatNumber || null, billingAddress: identity.billingAddress } as never,
      });
      return created.id as number;
    },

    async memberIds(companyId: number): Promise<number[]> {
      const members: Row[] = await strapi.db.query(USER).findMany({ where: { company: { id: companyId } }, select: ['id'] });
      return members.map((m) => m.id);
    },

    /**
     * Accounts from before companies: each client becomes the admin of a company of its own,
     * made of what its account held (name, SIRET, VAT number, billing address), with its
     * consultant and its orders. Those fields then live on the company only. Runs at every
     * start; does nothing once every client has a company, a request to join one, or has left one.
     */
    async migrateClientAccounts(): Promise<number> {
      const legacy: Row[] = await strapi.db.query(USER).findMany({
        where: { role: { type: 'customer' }, company: { id: { $null: true } }, joinRequest: { id: { $null: true } }, leftCompanyAt: { $null: true } },
        select: ['id', 'documentId', 'companyName', 'siret', 'vatNumber', 'firstName', 'lastName', 'email'],
        populate: { billingAddress: { select: ADDRESS_FIELDS }, consultant: { select: ['id'] } },
      });
      for (const user of legacy) {
        await strapi.db.transaction(async () => {
          const address = user.billingAddress ? Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, user.billingAddress[f] ?? null])) : null;
          const legalName = String(user.companyName || `${user.firstName ?? ''} ${user.lastName ?? ''}`.trim() || user.email).slice(0, 120);
          const created = await strapi.db.query(COMPANY).create({ data: { legalName, siret: user.siret || null, vatNumber: user.vatNumber || null, consultant: user.consultant?.id ?? null } });
          if (address) await strapi.documents(COMPANY).update({ documentId: created.documentId, data: { billingAddress: address } as never });
          await strapi.db.query(USER).update({ where: { id: user.id }, data: { company: created.id, companyRole: 'admin', companyName: null, siret: null, vatNumber: null } });
          if (user.billingAddress) await strapi.documents(USER).update({ documentId: user.documentId, data: { billingAddress: null } as never });
          // Relations live in join tables: one update per order (updateMany writes columns only).
          const orders: Row[] = await strapi.db.query('api::order.order').findMany({ where: { customer: { id: user.id } }, select: ['id'] });
          for (const order of orders) await strapi.db.query('api::order.order').update({ where: { id: order.id }, data: { company: created.id } });
        });
      }
      if (legacy.length > 0) await getService('consultant.assignment').refreshClientCounts();
      return legacy.length;
    },
  };
  return service;
};
