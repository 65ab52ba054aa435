import type { Core } from '@strapi/strapi';
import { getService } from '../../../utils/services';
import { refusal } from '@ventalis/contracts';
import { notFound, refused } from '../../../utils/validation';

const USER = 'plugin::users-permissions.user';
const CONSULTANT = 'api::consultant.consultant';
const COMPANY = 'api::company.company';

interface Load {
  id: number;
  clients: number;
  createdAt: string | Date;
}

/**
 * Who follows which client company. A company gets the active consultant with the fewest
 * companies, ties going to the longest-serving one; no company stays without a consultant
 * while at least one is active. Each member's account mirrors its company's consultant
 * (written here only), which their conversations follow.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const activeLoads = async (excluding: number[] = []): Promise<Load[]> => {
    const consultants = await strapi.db.query(CONSULTANT).findMany({
      where: { blocked: false, ...(excluding.length > 0 ? { id: { $notIn: excluding } } : {}) },
      select: ['id', 'createdAt'],
      populate: { companies: { count: true } },
    });
    return consultants.map((c: { id: number; createdAt: string; companies: { count: number } }) => ({
      id: c.id,
      createdAt: c.createdAt,
      clients: Number(c.companies?.count ?? 0),
    }));
  };

  const leastLoaded = (loads: Load[]): Load | undefined =>
    [...loads].sort((a, b) => a.clients - b.clients || new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || a.id - b.id)[0];

  const setConsultant = async (companyId: number, consultantId: number | null) => {
    await strapi.db.query(COMPANY).update({ where: { id: companyId }, data: { consultant: consultantId } });
    for (const memberId of await getService('company.companies').memberIds(companyId)) await service.followCompanyConsultant(memberId);
  };

  const service = {
    /** Gives a company the least loaded active consultant; returns its id, or null if none is active. */
    async assignLeastLoadedConsultant(companyId: number): Promise<number | null> {
      const chosen = leastLoaded(await activeLoads());
      await setConsultant(companyId, chosen?.id ?? null);
      await service.refreshClientCounts();
      return chosen?.id ?? null;
    },

    /** An administrator moves a company to a chosen active consultant. */
    async reassignCompany(companyId: number, consultantId: number): Promise<void> {
      const consultant = await strapi.db.query(CONSULTANT).findOne({ where: { id: consultantId }, select: ['id', 'blocked'] });
      if (!consultant) throw notFound(refusal('consultant.not_found', 'This consultant does not exist'));
      if (consultant.blocked) throw refused(refusal('consultant.blocked', 'consultant: a blocked consultant cannot take clients'));
      await setConsultant(companyId, consultantId);
      await service.refreshClientCounts();
    },

    /** The same, named by one of the company's members. */
    async reassignClient(clientId: number, consultantId: number): Promise<void> {
      const membership = await getService('company.companies').membershipOf(clientId);
      if (!membership) throw notFound(refusal('client.not_found', 'This client does not exist'));
      await service.reassignCompany(membership.companyId, consultantId);
    },

    /**
     * A member's account follows its company's consultant, and their conversations follow
     * their place: their company's conversation with the consultant, those about the orders
     * they may see; someone without a company (waiting to join, removed) has none of them.
     */
    async followCompanyConsultant(userId: number): Promise<void> {
      const user = await strapi.db.query(USER).findOne({ where: { id: userId }, select: ['id'], populate: { company: { select: ['id'], populate: { consultant: { select: ['id'] } } }, consultant: { select: ['id'] } } });
      if (!user) return;
      const consultantId = user.company?.consultant?.id ?? null;
      if ((user.consultant?.id ?? null) !== consultantId) await strapi.db.query(USER).update({ where: { id: userId }, data: { consultant: consultantId } });
      await getService('conversation.membership').syncMemberConversations(userId);
    },

    /**
     * Spreads the companies of a consultant who leaves (deleted or blocked) over the
     * remaining active consultants, one at a time so the load stays even.
     */
    async redistributeCompanies(companyIds: number[], leavingConsultantId: number): Promise<void> {
      const loads = await activeLoads([leavingConsultantId]);
      for (const companyId of companyIds) {
        const chosen = leastLoaded(loads);
        await setConsultant(companyId, chosen?.id ?? null);
        if (chosen) chosen.clients += 1;
      }
      await service.refreshClientCounts();
    },

    async companyIdsOf(consultantId: number): Promise<number[]> {
      const companies = await strapi.db.query(COMPANY).findMany({ where: { consultant: { id: consultantId } }, select: ['id'] });
      return companies.map((c: { id: number }) => c.id);
    },

    /** Companies left without a consultant (none was active) get one as soon as one is. */
    async assignUnassignedClients(): Promise<void> {
      const orphans = await strapi.db.query(COMPANY).findMany({ where: { consultant: { id: { $null: true } } }, select: ['id'] });
      if (orphans.length === 0) return;
      await service.redistributeCompanies(orphans.map((o: { id: number }) => o.id), -1);
    },

    /** Recounts every consultant's client companies for the panel's list view. */
    async refreshClientCounts(): Promise<void> {
      const consultants = await strapi.db.query(CONSULTANT).findMany({ select: ['id', 'clientCount'], populate: { companies: { count: true } } });
      for (const c of consultants as { id: number; clientCount: number | null; companies: { count: number } }[]) {
        const count = Number(c.companies?.count ?? 0);
        if (c.clientCount !== count) {
          await strapi.db.query(CONSULTANT).update({ where: { id: c.id }, data: { clientCount: count } });
        }
      }
    },
  };
  return service;
};
