import type { Core } from '@strapi/strapi';

/**
 * Runs `work` once the current transaction commits (nothing if it rolls back), or now
 * outside a transaction: for news other services must only hear of what is stored.
 */
export function afterCommit(strapi: Core.Strapi, work: () => void): void {
  if (!strapi.db.inTransaction()) return work();
  // A nested transaction() joins the current one; its onCommit waits for the outermost commit.
  void strapi.db.transaction(async ({ onCommit }) => onCommit(work));
}
