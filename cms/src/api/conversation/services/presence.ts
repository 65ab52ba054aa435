import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';
import { createChatStore, memberKey } from '../chat-store';
import type { Member } from '../model';

/**
 * When members were last seen: connected to the chat-server (it reports them every minute)
 * or reading their messages in the shop. The email fallback (offline-summary) reads it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = createChatStore(strapi);
  /** Members reading their messages through the REST API count as seen (a write a minute at most). */
  const lastTouched = new LRUCache<string, true>({ max: 50_000, ttl: 60_000 });

  return {
    /** Members connected to the chat-server now, or at `at`. */
    seen(members: Member[], at = new Date()) {
      return store.markSeen(members, at);
    },

    async touch(me: Member) {
      const key = memberKey(me);
      if (lastTouched.has(key)) return;
      lastTouched.set(key, true);
      await store.markSeen([me], new Date());
    },
  };
};
