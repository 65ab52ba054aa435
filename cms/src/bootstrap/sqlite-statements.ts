import type { Core } from '@strapi/strapi';

interface Statement {
  reader: boolean;
}
interface SqliteConnection {
  prepare: (sql: string) => Statement;
}
interface KnexClient {
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
  // Per connection, made on its first query: the same prepare(), answering from its cache.
  const preparing = new WeakMap<SqliteConnection, SqliteConnection>();
  const query = client._query.bind(client);
  client._query = (connection, request) => {
    let cached = preparing.get(connection);
    if (!cached) preparing.set(connection, (cached = cachingPrepare(connection)));
    return query(cached, request);
  };
}

function cachingPrepare(connection: SqliteConnection): SqliteConnection {
  const statements = new Map<string, Statement>();
  return {
    prepare(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = connection.prepare(sql);
        // The oldest goes first when the cache is full.
        if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
