import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Core } from '@strapi/strapi';
import type request from 'supertest';
import { apiDescription } from '@ventalis/contracts/api-description';

/**
 * Real answers against the API's description (GET /api/openapi.json): each answer's status
 * must be one its operation describes, and its body must match the schema described for that
 * status. Used by the authorization matrix, which calls every route as every role.
 */
export interface Answer {
  status: number;
  type: string;
  body: unknown;
  text?: string;
}

interface Operation {
  method: string;
  path: string;
  pattern: RegExp;
  responses: Record<string, { content?: Record<string, unknown> }>;
}

type Document = { paths: Record<string, Record<string, { responses: Operation['responses'] }>> };

const pointer = (...tokens: string[]) => tokens.map((t) => encodeURIComponent(t.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

export function answerChecker(document: Document) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document, 'api');
  const operations: Operation[] = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ method, path, pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`), responses: op.responses })),
  );
  // A literal path wins over a template: /api/orders/impact before /api/orders/{reference}.
  operations.sort((a, b) => (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0));
  /** Operations that answered a success, checked. */
  const succeeded = new Set<string>();

  return {
    operationOf(method: string, url: string): Operation | undefined {
      const path = url.split('?')[0]!;
      return operations.find((op) => op.method === method && op.pattern.test(path));
    },

    /** What does not match the description in this answer; empty when all does. */
    problems(method: string, url: string, answer: Answer): string[] {
      const op = this.operationOf(method, url);
      if (!op) return [`${method.toUpperCase()} ${url} is not described`];
      const described = op.responses[String(answer.status)];
      if (!described) return [`${method.toUpperCase()} ${op.path} answered ${answer.status}, which is not described (${Object.keys(op.responses).join(', ')})`];
      const mediaType = answer.type.split(';')[0]!.trim();
      const content = described.content;
      if (answer.status < 400) succeeded.add(`${op.method} ${op.path}`);
      if (!content) return answer.status === 204 || answer.status === 302 || !answer.text ? [] : [`${op.path} ${answer.status}: a body where none is described`];
      if (!content[mediaType]) return [`${op.path} ${answer.status}: ${mediaType || 'no body'} where ${Object.keys(content).join(', ')} is described`];
      if (mediaType !== 'application/json') return [];
      const validate = ajv.getSchema(`api#/${pointer('paths', op.path, op.method, 'responses', String(answer.status), 'content', mediaType, 'schema')}`)!;
      if (validate(answer.body)) return [];
      return (validate.errors ?? []).slice(0, 5).map((e) => `${op.method.toUpperCase()} ${op.path} ${answer.status}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
    },

    /** Described operations the cms does not mount (given its routes as mountedApiRoutes() writes them). */
    unmounted(mounted: string[]): string[] {
      const routes = new Set(mounted);
      return operations.map((op) => `${op.method} ${op.path}`).filter((key) => !routes.has(key));
    },

    /** Described operations no success was checked for. */
    unchecked(): string[] {
      return operations.map((op) => `${op.method} ${op.path}`).filter((key) => !succeeded.has(key));
    },

    /** The operations a success was checked for. */
    succeeded: () => [...succeeded],
  };
}

/** The cms' mounted API routes, as `get /api/orders/{reference}`: all of them, the panel's and the chat-server's aside. */
export function mountedApiRoutes(strapi: Core.Strapi): string[] {
  const routes = new Set<string>();
  for (const layer of strapi.server.listRoutes() as { methods: string[]; path: string }[]) {
    if (!layer.path.startsWith('/api/')) continue;
    for (const method of layer.methods) {
      if (method === 'HEAD') continue;
      routes.add(`${method.toLowerCase()} ${layer.path.replace(/:([A-Za-z]+)/g, '{$1}')}`);
    }
  }
  return [...routes].sort();
}

const SUPERTEST_METHODS: Record<string, string> = { get: 'get', post: 'post', put: 'put', patch: 'patch', delete: 'delete', del: 'delete' };
/** Where each test file's booted cms writes the operations it saw succeed (see watchedApi, assertEveryOperationAnswered). */
const ANSWERED_DIR = path.resolve(import.meta.dirname, '..', '..', '.tmp', 'tests', 'api-answers');

/** The description, as the cms serves it, made once per test worker. */
const sharedDocument = (() => {
  let document: Document | undefined;
  return () => (document ??= JSON.parse(JSON.stringify(apiDescription())) as Document);
})();

/**
 * The test harness' requests (app.api()), each successful answer checked against the API's
 * description: a test file whose cms answered a success of another shape than described fails
 * when it stops, naming the answers. Refusals are checked by the authorization matrix.
 */
export function watchedApi(server: Parameters<typeof request>[0], makeAgent: typeof request) {
  const checker = answerChecker(sharedDocument());
  const problems: string[] = [];
  const api = () =>
    new Proxy(makeAgent(server), {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        const method = typeof property === 'string' ? SUPERTEST_METHODS[property] : undefined;
        if (!method || typeof value !== 'function') return value;
        return (url: string, ...rest: unknown[]) => {
          const test = (value as (...args: unknown[]) => request.Test).call(target, url, ...rest);
          test.on('response', (res: Answer) => {
            if (res.status >= 400 || !checker.operationOf(method, url)) return;
            problems.push(...checker.problems(method, url, res));
          });
          return test;
        };
      },
    });
  return {
    api,
    /** Answers that did not match; records the operations seen succeeding for the whole run's check. */
    finish(): string[] {
      if (process.env.CHECK_API_COVERAGE) {
        mkdirSync(ANSWERED_DIR, { recursive: true });
        writeFileSync(path.join(ANSWERED_DIR, `${process.pid}-${randomBytes(4).toString('hex')}.json`), JSON.stringify(checker.succeeded()));
      }
      return problems;
    },
  };
}

/**
 * After the whole suite (CHECK_API_COVERAGE, set by the test command): every described
 * operation answered a success somewhere, checked against its shape.
 */
export function assertEveryOperationAnswered() {
  let files: string[] = [];
  try {
    files = readdirSync(ANSWERED_DIR);
  } catch {
    // No file wrote any: every operation is missing.
  }
  const answered = new Set(files.flatMap((file) => JSON.parse(readFileSync(path.join(ANSWERED_DIR, file), 'utf8')) as string[]));
  rmSync(ANSWERED_DIR, { recursive: true, force: true });
  const document = sharedDocument();
  const missing = Object.entries(document.paths).flatMap(([p, item]) => Object.keys(item).map((method) => `${method} ${p}`)).filter((key) => !answered.has(key));
  if (missing.length > 0) throw new Error(`No test saw these operations of the API description answer a success:\n${missing.join('\n')}`);
}

/** Clears what a previous run left. */
export const clearAnsweredOperations = () => rmSync(ANSWERED_DIR, { recursive: true, force: true });
