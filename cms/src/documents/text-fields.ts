import type { Core } from '@strapi/strapi';
import { textRefusal, type Refusal, type TextKind } from '@ventalis/contracts';
import { documentFieldError } from '../utils/validation';
import type { Middleware } from './consultant-accounts';

type Attribute = { type: string; component?: string; repeatable?: boolean };
type Attributes = Record<string, Attribute>;
type Problem = { path: (string | number)[]; refusal: Refusal };

const KINDS: Record<string, TextKind> = { string: 'single-line', email: 'single-line', uid: 'single-line', text: 'multi-line', richtext: 'multi-line' };
const WRITES = ['create', 'update', 'clone'];

/** Any string inside a JSON value (rich-text blocks, json fields): text-area rules. */
function jsonProblem(value: unknown, path: (string | number)[], label: string): Problem | null {
  if (typeof value === 'string') {
    const refusal = textRefusal(label, value, 'multi-line');
    return refusal ? { path, refusal } : null;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const problem = jsonProblem(inner, [...path, key], label) ?? jsonProblem(key, path, label);
      if (problem) return problem;
    }
  }
  return null;
}

const componentAttributes = (strapi: Core.Strapi, uid: string): Attributes | undefined =>
  (strapi.components as unknown as Record<string, { attributes: Attributes } | undefined>)[uid]?.attributes;

function dataProblem(strapi: Core.Strapi, attributes: Attributes, data: unknown, path: (string | number)[]): Problem | null {
  if (!data || typeof data !== 'object') return null;
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const attribute = attributes[key];
    if (!attribute || value === null || value === undefined) continue;
    const at = [...path, key];
    const kind = KINDS[attribute.type];
    let problem: Problem | null = null;
    if (kind && typeof value === 'string') {
      const refusal = textRefusal(key, value, kind);
      problem = refusal ? { path: at, refusal } : null;
    } else if (attribute.type === 'blocks' || attribute.type === 'json') {
      problem = jsonProblem(value, at, key);
    } else if (attribute.type === 'component' && attribute.component) {
      const inner = componentAttributes(strapi, attribute.component) ?? {};
      const items = attribute.repeatable && Array.isArray(value) ? value : [value];
      problem = items.reduce<Problem | null>((found, item, i) => found ?? dataProblem(strapi, inner, item, attribute.repeatable ? [...at, i] : at), null);
    } else if (attribute.type === 'dynamiczone' && Array.isArray(value)) {
      problem = value.reduce<Problem | null>((found, item: { __component?: string }, i) => {
        const inner = item?.__component ? componentAttributes(strapi, item.__component) : undefined;
        return found ?? (inner ? dataProblem(strapi, inner, item, [...at, i]) : null);
      }, null);
    }
    if (problem) return problem;
  }
  return null;
}

/**
 * The panel's own writes (Content Manager) follow the text rule of the API's shared
 * schemas: no control characters in text fields. PostgreSQL refuses a NUL outright,
 * which would otherwise surface as a 500 instead of a message on the field.
 */
export const refuseControlCharacters = (strapi: Core.Strapi): Middleware => async (context, next) => {
  if (!WRITES.includes(context.action) || !(context.uid.startsWith('api::') || context.uid === 'plugin::users-permissions.user')) return next();
  const attributes = (strapi.getModel(context.uid as never) as { attributes?: Attributes } | undefined)?.attributes ?? {};
  const problem = dataProblem(strapi, attributes, (context.params as { data?: unknown }).data, []);
  if (problem) throw documentFieldError(problem.path, problem.refusal);
  return next();
};
