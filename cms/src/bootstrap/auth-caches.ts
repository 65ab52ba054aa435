import type { Core } from '@strapi/strapi';
import { createSecretKey, type KeyObject } from 'node:crypto';

/**
 * Content API abilities depend only on the list of permissions (no conditions): build
 * each distinct list once instead of on every request.
 */
export function memoiseAbilities(strapi: Core.Strapi) {
  const engine = strapi.contentAPI.permissions.engine as { generateAbility: (permissions: unknown[], options?: object) => Promise<unknown> };
  const generate = engine.generateAbility.bind(engine);
  const abilities = new Map<string, Promise<unknown>>();
  engine.generateAbility = (permissions, options) => {
    if (options && Object.keys(options).length > 0) return generate(permissions, options);
    const key = JSON.stringify(permissions);
    let ability = abilities.get(key);
    if (!ability) {
      if (abilities.size >= 100) abilities.clear();
      ability = generate(permissions);
      abilities.set(key, ability);
      ability.catch(() => abilities.delete(key));
    }
    return ability;
  };
}

/**
 * The accounts plugin reads its 'advanced' settings on every authenticated request.
 * Keep them a few seconds; a write through the store (the panel's settings page) drops
 * them at once on this process.
 */
export function cacheAccountSettings(strapi: Core.Strapi) {
  type Params = { type?: string; name?: string; key: string };
  const store = strapi.store as unknown as { get: (p: Params) => Promise<unknown>; set: (p: Params & { value: unknown }) => Promise<void>; delete: (p: Params) => Promise<void> };
  const isAdvanced = (p: Params) => p.type === 'plugin' && p.name === 'users-permissions' && p.key === 'advanced';
  const get = store.get.bind(store);
  const set = store.set.bind(store);
  const remove = store.delete.bind(store);
  let cached: { value: unknown; expiresAt: number } | undefined;
  store.get = async (params) => {
    if (!isAdvanced(params)) return get(params);
    if (!cached || cached.expiresAt <= Date.now()) cached = { value: await get(params), expiresAt: Date.now() + 5000 };
    return structuredClone(cached.value);
  };
  store.set = async (params) => {
    if (isAdvanced(params)) cached = undefined;
    return set(params);
  };
  store.delete = async (params) => {
    if (isAdvanced(params)) cached = undefined;
    return remove(params);
  };
}

/** What the API-token lookup is given for a token that cannot be one. */
const NOT_AN_API_TOKEN = 'not-an-api-token';

/**
 * Every signed-in request first tries its bearer token as an API token: a hash and a database
 * query before the accounts plugin reads it as the JWT it is. API tokens are hexadecimal keys
 * and a JWT has dots: such a token is now known not to be an API token without the query.
 */
export function skipApiTokenLookupForJwts(strapi: Core.Strapi) {
  const tokens = strapi.service('admin::api-token-content-api') as unknown as {
    hash: (accessKey: string) => string;
    getByAccessKey: (hash: string, options?: unknown) => Promise<unknown>;
  };
  const hash = tokens.hash.bind(tokens);
  const getByAccessKey = tokens.getByAccessKey.bind(tokens);
  tokens.hash = (accessKey) => (typeof accessKey === 'string' && accessKey.includes('.') ? NOT_AN_API_TOKEN : hash(accessKey));
  tokens.getByAccessKey = async (accessKeyHash, options) => (accessKeyHash === NOT_AN_API_TOKEN ? null : getByAccessKey(accessKeyHash, options));
}

/**
 * Access tokens are signed and checked with the secret as a string, which jsonwebtoken first
 * tries to read as a public key (an exception) and then turns into a key object, on every
 * request. The session manager now gets the key object of each secret, made once.
 */
export function reuseJwtKeys(strapi: Core.Strapi) {
  type KeySource = { getJwtKey: (config: unknown, algorithm: string, operation: string) => unknown };
  const manager = (strapi.sessionManager('users-permissions') as unknown as { sessionManager?: KeySource }).sessionManager;
  if (!manager) return;
  const getJwtKey = manager.getJwtKey.bind(manager);
  const keys = new Map<string, KeyObject>();
  manager.getJwtKey = (config, algorithm, operation) => {
    const key = getJwtKey(config, algorithm, operation);
    if (typeof key !== 'string' || !algorithm.startsWith('HS')) return key;
    let object = keys.get(key);
    if (!object) {
      object = createSecretKey(Buffer.from(key));
      keys.set(key, object);
    }
    return object;
  };
}

/**
 * Every signed-in request looks its session up by id, in a table Strapi gives no index: each
 * lookup read every session. Declared before the schema is synchronised, the index is made
 * (and kept) with the rest of the schema.
 */
export function indexSessions(strapi: Core.Strapi) {
  const session = strapi.contentType('admin::session' as never) as unknown as { indexes?: { name: string; columns: string[] }[] };
  session.indexes = [...(session.indexes ?? []).filter((index) => index.name !== 'strapi_sessions_session_id_index'), { name: 'strapi_sessions_session_id_index', columns: ['session_id'] }];
}
