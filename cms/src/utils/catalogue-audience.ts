import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import type { CompanyPricing } from '../api/company/services/prices';
import { getService } from './services';
import { tableNames } from './tables';

const USER = 'plugin::users-permissions.user';
const SESSION = 'admin::session';

/**
 * Whom a catalogue answer was made for, and so who may be given it again from the cache:
 * visitors (the public role's answer), the signed-in people of one role paying list prices,
 * or the people of one role in one company, with that company's prices of the day. Anything
 * else (an API token) gets answers of its own, never served to the others.
 */
export type Audience =
  | { kind: 'public' }
  | { kind: 'role'; roleId: number }
  | { kind: 'company'; roleId: number; companyId: number; day: string }
  | { kind: 'other'; strategy: string };

/** The cache key of an answer: the address asked, and for whom. */
export function catalogueKey(url: string, audience: Audience): string {
  switch (audience.kind) {
    case 'public':
      return `${url}#public`;
    case 'role':
      return `${url}#role=${audience.roleId}`;
    case 'company':
      return `${url}#role=${audience.roleId}&company=${audience.companyId}&day=${audience.day}`;
    default:
      return `${url}#via=${audience.strategy}`;
  }
}

/** The audience of a request that went through Strapi's authentication and authorization. */
export function audienceOfRequest(ctx: Context): Audience {
  const auth = ctx.state.auth as { strategy?: { name?: string } } | undefined;
  const strategy = auth?.strategy?.name ?? 'none';
  if (strategy !== 'users-permissions') return { kind: 'other', strategy };
  const user = ctx.state.user as { role?: { id: number } } | undefined;
  if (!user) return { kind: 'public' };
  const pricing = ctx.state.companyPricing as CompanyPricing | undefined;
  const roleId = user.role?.id ?? 0;
  return pricing ? { kind: 'company', roleId, companyId: pricing.companyId, day: pricing.day } : { kind: 'role', roleId };
}

type Row = Record<string, any>;

interface Reader {
  roleId: number;
  companyId: number | null;
  confirmed: boolean;
}

/**
 * How long a reader's check holds for further catalogue reads: a second. On this process a
 * change to an account or a session (sign-out, block, company) drops every check at once;
 * another cms process sees it within the second, as it sees permission changes within five.
 */
const READER_MEMORY_MS = 1000;
let forgetReaders = () => {};
/** Accounts, their company or their sessions changed: every reader is checked again. */
export const readersChanged = () => forgetReaders();

/**
 * The audience of a catalogue read before Strapi's pipeline, for the cache in front of it
 * (catalogue-fast-path). A bearer token is checked exactly as the accounts plugin and Ventalis'
 * session rule check it: a valid access token, its session still there and not expired, the
 * account not blocked (and confirmed when confirmation is required), in one statement that
 * also reads the role and company. Null when any of that fails or the token is of another
 * kind: the request then goes through the full pipeline, which answers it as it always has.
 * A check holds a second for the same token (READER_MEMORY_MS).
 */
export function createAudienceLookup(strapi: Core.Strapi) {
  let tables: ReturnType<typeof readTables> | undefined;
  function readTables() {
    const { table, link } = tableNames(strapi);
    return { users: table(USER), sessions: table(SESSION), role: link(USER, 'role'), company: link(USER, 'company') };
  }

  /** The statement, written once (knex would take a tenth of the request to build it each time), with where each value goes. */
  const SLOT = { userId: -1, sessionId: '\u0000session', userKey: '\u0000user' } as const;
  let statement: { sql: string; bindings: readonly unknown[] } | undefined;
  const readerStatement = () => {
    const t = (tables ??= readTables());
    const db = strapi.db.connection;
    const { sql, bindings } = db
      .select('u.blocked as blocked', 'u.confirmed as confirmed', 's.expires_at as expiresAt', `r.${t.role.inverseJoinColumn.name} as roleId`, `c.${t.company.inverseJoinColumn.name} as companyId`)
      .from(`${t.sessions} as s`)
      .join(`${t.users} as u`, (on) => on.on('u.id', '=', db.raw('?', [SLOT.userId])))
      .leftJoin(`${t.role.name} as r`, `r.${t.role.joinColumn.name}`, 'u.id')
      .leftJoin(`${t.company.name} as c`, `c.${t.company.joinColumn.name}`, 'u.id')
      .where('s.session_id', SLOT.sessionId)
      .andWhere('s.origin', 'users-permissions')
      .andWhere('s.user_id', SLOT.userKey)
      .limit(1)
      .toSQL();
    return { sql, bindings };
  };

  const signedIn = async (token: string): Promise<Reader | null> => {
    const result = strapi.sessionManager('users-permissions').validateAccessToken(token) as { isValid: boolean; payload: { type?: string; userId?: string; sessionId?: string } | null };
    const userId = Number(result.payload?.userId);
    const sessionId = result.payload?.sessionId;
    if (!result.isValid || result.payload?.type !== 'access' || !Number.isSafeInteger(userId) || typeof sessionId !== 'string') return null;
    const { sql, bindings } = (statement ??= readerStatement());
    const values = bindings.map((b) => (b === SLOT.userId ? userId : b === SLOT.sessionId ? sessionId : b === SLOT.userKey ? String(userId) : b));
    const rows = (await strapi.db.connection.raw(sql, values as never)) as unknown;
    // PostgreSQL answers a result with its rows, SQLite the rows.
    const row = (Array.isArray(rows) ? rows[0] : (rows as { rows: Row[] }).rows[0]) as Row | undefined;
    if (!row || row.blocked || !row.roleId || new Date(row.expiresAt).getTime() <= Date.now()) return null;
    return { roleId: Number(row.roleId), companyId: row.companyId ? Number(row.companyId) : null, confirmed: Boolean(row.confirmed) };
  };

  /** Readers checked within the last second, by token; dropped at once when an account or a session changes on this process. */
  const recent = new Map<string, { reader: Promise<Reader | null>; expiresAt: number }>();
  forgetReaders = () => recent.clear();
  const checked = (token: string): Promise<Reader | null> => {
    const now = Date.now();
    const hit = recent.get(token);
    if (hit && hit.expiresAt > now) return hit.reader;
    if (recent.size >= 10_000) recent.clear();
    const reader = signedIn(token);
    recent.set(token, { reader, expiresAt: now + READER_MEMORY_MS });
    reader.catch(() => recent.delete(token));
    return reader;
  };

  return async (ctx: Context): Promise<Audience | null> => {
    const header = ctx.get('authorization');
    if (!header) return { kind: 'public' };
    const [scheme, token] = header.split(' ');
    // API tokens (no dots) and anything unusual take the full pipeline.
    if (scheme?.toLowerCase() !== 'bearer' || !token?.includes('.')) return null;
    const reader = await checked(token);
    if (!reader) return null;
    const advanced = (await strapi.store({ type: 'plugin', name: 'users-permissions' }).get({ key: 'advanced' })) as { email_confirmation?: boolean } | null;
    if (advanced?.email_confirmation && !reader.confirmed) return null;
    const pricing = reader.companyId === null ? null : await getService('company.prices').pricingForCompany(reader.companyId, { cached: true });
    return pricing ? { kind: 'company', roleId: reader.roleId, companyId: pricing.companyId, day: pricing.day } : { kind: 'role', roleId: reader.roleId };
  };
}
