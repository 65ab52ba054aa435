import type { Core } from '@strapi/strapi';

interface Statement {
  reader: boolean;
}
interface SqliteConnection {
  prepare: (sql: string) => Statement;
}
interface KnexClient {
  dialect?: string;
  driverName?: string;
  _query: (connection: SqliteConnection, query: { sql: string }) => Promise<unknown>;
}

/** Statements kept per connection: the cms runs a few hundred distinct queries. */
const MAX_STATEMENTS = 500;

/**
 * On SQLite (better-sqlite3), knex prepares every query again, each time it runs: a signed-in
 * catalogue request spent an eighth of its time there (bench/catalogue.ts). Each connection
 * now keeps its prepared statements by SQL text and runs them again with new values. SQLite
 * prepares a statement anew by itself when the schema it was made on changes.
 */
export function reusePreparedStatements(strapi: Core.Strapi) {
  const client = strapi.db.connection.client as unknown as KnexClient;
  if (client.driverName !== 'better-sqlite3') return;
  const byConnection = new WeakMap<SqliteConnection, Map<string, Statement>>();
  const query = client._query.bind(client);
  client._query = (connection, request) => {
    let statements = byConnection.get(connection);
    if (!statements) byConnection.set(connection, (statements = new Map()));
    const cache = statements;
    const preparing: SqliteConnection = {
      prepare(sql) {
        let statement = cache.get(sql);
        if (!statement) {
          statement = connection.prepare(sql);
          // The oldest goes first when the cache is full.
          if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
          cache.set(sql, statement);
        }
        return statement;
      },
    };
    return query(preparing, request);
  };
}
