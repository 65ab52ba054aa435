import type { Core } from '@strapi/strapi';
import { getService } from '../../../utils/services';
import { refusal } from '@ventalis/contracts';
import { notFound, refused } from '../../../utils/validation';

const USER = 'plugin::users-permissions.user';
const CONSULTANT = 'api::consultant.consultant';

interface Load {
  id: number;
  clients: number;
  createdAt: string | Date;
}

/**
 * Who follows which client. A client gets the active consultant with the fewest
 * clients, ties going to the longest-serving one; no client stays without a
 * consultant while at least one is active.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const activeLoads = async (excluding: number[] = []): Promise<Load[]> => {
    const consultants = await strapi.db.query(CONSULTANT).findMany({
      where: { blocked: false, ...(excluding.length > 0 ? { id: { $notIn: excluding } } : {}) },
      select: ['id', 'createdAt'],
      populate: { clients: { count: true } },
    });
    return consultants.map((c: { id: number; createdAt: string; clients: { count: number } }) => ({
      id: c.id,
      createdAt: c.createdAt,
      clients: Number(c.clients?.count ?? 0),
    }));
  };

  const leastLoaded = (loads: Load[]): Load | undefined =>
    [...loads].sort((a, b) => a.clients - b.clients || new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || a.id - b.id)[0];

  /** The client's conversation with their consultant follows every change of consultant. */
  const setConsultant = async (clientId: number, consultantId: number | null) => {
    await strapi.db.query(USER).update({ where: { id: clientId }, data: { consultant: consultantId } });
    await getService('conversation.membership').syncClientConversation(clientId);
  };

  const service = {
    /** Gives a client the least loaded active consultant; returns its id, or null if none is active. */
    async assignLeastLoadedConsultant(clientId: number): Promise<number | null> {
      const chosen = leastLoaded(await activeLoads());
      await setConsultant(clientId, chosen?.id ?? null);
      await service.refreshClientCounts();
      return chosen?.id ?? null;
    },

    /** An administrator moves a client to a chosen active consultant. */
    async reassignClient(clientId: number, consultantId: number): Promise<void> {
      const consultant = await strapi.db.query(CONSULTANT).findOne({ where: { id: consultantId }, select: ['id', 'blocked'] });
      if (!consultant) throw notFound(refusal('consultant.not_found', 'This consultant does not exist'));
      if (consultant.blocked) throw refused(refusal('consultant.blocked', 'consultant: a blocked consultant cannot take clients'));
      await setConsultant(clientId, consultantId);
      await service.refreshClientCounts();
    },

    /**
     * Spreads the clients of a consultant who leaves (deleted or blocked) over the
     * remaining active consultants, one at a time so the load stays even.
     */
    async redistributeClients(clientIds: number[], leavingConsultantId: number): Promise<void> {
      const loads = await activeLoads([leavingConsultantId]);
      for (const clientId of clientIds) {
        const chosen = leastLoaded(loads);
        await setConsultant(clientId, chosen?.id ?? null);
        if (chosen) chosen.clients += 1;
      }
      await service.refreshClientCounts();
    },

    async clientIdsOf(consultantId: number): Promise<number[]> {
      const clients = await strapi.db.query(USER).findMany({ where: { consultant: { id: consultantId } }, select: ['id'] });
      return clients.map((c: { id: number }) => c.id);
    },

    /** Customers left without a consultant (none was active) get one as soon as one is. */
    async assignUnassignedClients(): Promise<void> {
      const orphans = await strapi.db.query(USER).findMany({
        where: { role: { type: 'customer' }, consultant: { id: { $null: true } } },
        select: ['id'],
      });
      if (orphans.length === 0) return;
      await service.redistributeClients(orphans.map((o: { id: number }) => o.id), -1);
    },

    /** Recounts every consultant's clients for the panel's list view. */
    async refreshClientCounts(): Promise<void> {
      const consultants = await strapi.db.query(CONSULTANT).findMany({ select: ['id', 'clientCount'], populate: { clients: { count: true } } });
      for (const c of consultants as { id: number; clientCount: number | null; clients: { count: number } }[]) {
        const count = Number(c.clients?.count ?? 0);
        if (c.clientCount !== count) {
          await strapi.db.query(CONSULTANT).update({ where: { id: c.id }, data: { clientCount: count } });
        }
      }
    },
  };
  return service;
};
