/**
 * Spent tickets: a ticket opens one socket, once. With several chat-servers the ledger is
 * Redis (SET NX, kept until the ticket would have expired anyway), so a ticket accepted by
 * one node is refused by every other; a lone chat-server keeps it in memory.
 */
/** The one Redis command the ledger needs (any node-redis client has it). */
interface RedisSetNx {
  set(key: string, value: string, options: { condition: 'NX'; expiration: { type: 'PX'; value: number } }): Promise<unknown>;
}

export interface TicketLedger {
  /** True the first time this ticket id is presented, false ever after (until it expires). */
  spend(ticketId: string, expiresAtMs: number): Promise<boolean>;
}

export function redisTicketLedger(redis: RedisSetNx, prefix = 'ventalis-chat:ticket:'): TicketLedger {
  return {
    async spend(ticketId, expiresAtMs) {
      const ttl = Math.max(1, expiresAtMs - Date.now());
      const set = await redis.set(`${prefix}${ticketId}`, '1', { condition: 'NX', expiration: { type: 'PX', value: ttl } });
      return set === 'OK';
    },
  };
}

export function memoryTicketLedger(clock: () => number = Date.now): TicketLedger {
  /** Ticket id → expiry. Tickets live a minute, so this holds at most a minute of connections. */
  const spent = new Map<string, number>();
  return {
    async spend(ticketId, expiresAtMs) {
      const now = clock();
      // Insertion order is (nearly) expiry order: drop the expired ones from the front.
      for (const [id, expiresAt] of spent) {
        if (expiresAt > now) break;
        spent.delete(id);
      }
      if (spent.has(ticketId)) return false;
      spent.set(ticketId, expiresAtMs);
      return true;
    },
  };
}
