import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';
import type { ChatMember } from '@ventalis/contracts';
import { ADMINISTRATORS } from '../../../utils/administrators';
import { ADMIN, USER, type Member, type Row } from '../model';

export const MEMBER_USER_FIELDS = ['id', 'firstName', 'lastName'];
/** With the role (customer or consultant) and, for a customer, their company's name. */
export const MEMBER_USER_POPULATE = { role: { select: ['type'] }, company: { select: ['legalName'] } };

/** A customer's or consultant's account row (with its role) as others see them. */
export const userAsMember = (user: Row): ChatMember => {
  const role = user.role.type as 'customer' | 'consultant';
  return { kind: 'user', id: user.id, name: `${user.firstName ?? ''} ${user.lastName ?? ''}`.trim(), role, company: role === 'customer' ? (user.company?.legalName ?? null) : null };
};

/** A consultant entry with what tells whether it is active and its storefront account. */
const CONSULTANT_ACCOUNT = { select: ['id', 'blocked'], populate: { user: { select: ['id'] } } };
/** The storefront account of an active consultant; null for none or a blocked one. */
const activeAccountOf = (consultant: Row | null | undefined): number | null => (consultant && !consultant.blocked ? (consultant.user?.id ?? null) : null);

/** Who members are: their names and roles as others see them, and whose consultant is whom. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** A member as others see them; null for an unknown or blocked account. */
  async function describe(member: Member): Promise<ChatMember | null> {
    if (member.kind === 'admin') {
      const admin = await strapi.db.query(ADMIN).findOne({ where: { id: member.id, ...ADMINISTRATORS }, select: ['id', 'firstname', 'lastname'] });
      return admin ? { kind: 'admin', id: admin.id, name: `${admin.firstname ?? ''} ${admin.lastname ?? ''}`.trim(), role: 'administrator', company: null } : null;
    }
    const user = await strapi.db.query(USER).findOne({
      where: { id: member.id, blocked: false },
      select: MEMBER_USER_FIELDS,
      populate: MEMBER_USER_POPULATE,
    });
    return user && (user.role?.type === 'customer' || user.role?.type === 'consultant') ? userAsMember(user) : null;
  }

  /** A sender who has since been blocked still shows with their name. */
  async function describeFromRows(member: Member): Promise<ChatMember> {
    const described = await describe(member);
    if (described) return described;
    if (member.kind === 'admin') {
      const admin = await strapi.db.query(ADMIN).findOne({ where: { id: member.id }, select: ['firstname', 'lastname'] });
      return { kind: 'admin', id: member.id, name: admin ? `${admin.firstname ?? ''} ${admin.lastname ?? ''}`.trim() : 'Former administrator', role: 'administrator', company: null };
    }
    const user = await strapi.db.query(USER).findOne({ where: { id: member.id }, select: ['firstName', 'lastName'], populate: { role: { select: ['type'] } } });
    return { kind: 'user', id: member.id, name: user ? `${user.firstName ?? ''} ${user.lastName ?? ''}`.trim() : 'Former member', role: user?.role?.type === 'customer' ? 'customer' : 'consultant', company: null };
  }

  /**
   * Senders as others see them, kept a minute: every message carries its sender (a renamed
   * member shows under the new name within that minute). Lookups under way are shared.
   */
  const senders = new LRUCache<string, Promise<ChatMember>>({ max: 10_000, ttl: 60_000 });

  return {
    describe,

    describeSender(member: Member): Promise<ChatMember> {
      const key = `${member.kind}:${member.id}`;
      let described = senders.get(key);
      if (!described) {
        described = describeFromRows(member);
        senders.set(key, described);
        described.catch(() => senders.delete(key));
      }
      return described;
    },

    /** The storefront account of a customer's consultant, if they have an active one. */
    async consultantUserOf(customerId: number): Promise<number | null> {
      const customer = await strapi.db.query(USER).findOne({ where: { id: customerId }, select: ['id'], populate: { consultant: CONSULTANT_ACCOUNT } });
      return activeAccountOf(customer?.consultant);
    },

    /** The storefront account of a company's consultant, if it has an active one. */
    async consultantUserOfCompany(companyId: number): Promise<number | null> {
      const company = await strapi.db.query('api::company.company').findOne({ where: { id: companyId }, select: ['id'], populate: { consultant: CONSULTANT_ACCOUNT } });
      return activeAccountOf(company?.consultant);
    },

    /** The active consultant entry of a consultant's storefront account. */
    async consultantIdOf(userId: number): Promise<number | null> {
      const consultant = await strapi.db.query('api::consultant.consultant').findOne({ where: { user: { id: userId }, blocked: false }, select: ['id'] });
      return consultant?.id ?? null;
    },
  };
};
