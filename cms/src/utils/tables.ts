import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { createId } from '@paralleldrive/cuid2';

/** A relation's join table, as Strapi's metadata describes it. */
export interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  inverseOrderColumnName?: string;
}

/**
 * Table names for the few statements written by hand (the chat's hot path, the catalogue's
 * readers): from Strapi's own metadata, in the database's schema, so the rows are the ones its
 * queries read everywhere else.
 */
export function tableNames(strapi: Core.Strapi) {
  const schema = strapi.db.getSchemaName() as string | undefined;
  const qualified = (name: string) => (schema ? `${schema}.${name}` : name);
  const meta = (uid: string) => strapi.db.metadata.get(uid as never) as unknown as { tableName: string; attributes: Record<string, { joinTable?: JoinTable }> };
  return {
    /** A content type's table. */
    table: (uid: string) => qualified(meta(uid).tableName),
    /** A relation's join table. */
    link: (uid: string, attribute: string): JoinTable => {
      const joinTable = meta(uid).attributes[attribute]?.joinTable;
      if (!joinTable) throw new Error(`${uid}.${attribute} is not a relation`);
      return { ...joinTable, name: qualified(joinTable.name) };
    },
  };
}

/**
 * Runs a hand-written statement in the caller's transaction when there is one (SQLite has one
 * connection: a statement outside it would wait forever), or on its own otherwise.
 */
export function inCallersTransaction<T>(strapi: Core.Strapi, query: (db: Knex | Knex.Transaction) => Promise<T>): Promise<T> {
  return strapi.db.inTransaction() ? (strapi.db.transaction(({ trx }) => query(trx)) as Promise<T>) : query(strapi.db.connection);
}

/**
 * What the Document Service gives every new document, for one written through the database
 * layer instead: a document id of its own and, without drafts, published (else the panel does
 * not list it).
 */
export const asDocument = <T extends object>(data: T) => ({ documentId: createId(), publishedAt: new Date(), ...data });
