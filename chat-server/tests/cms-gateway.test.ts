import { expect, test } from 'vitest';
import { createCmsGateway } from '../src/cms.ts';

test('each call to the cms carries the shared secret and a request id of its own, for the cms’ logs', async () => {
  const seen: Headers[] = [];
  const gateway = createCmsGateway({
    baseUrl: 'http://cms.test/',
    secret: 'chat-secret',
    fetch: async (_url, init) => {
      seen.push(new Headers(init?.headers));
      return new Response(JSON.stringify({ data: [] }), { status: 200, headers: { 'content-type': 'application/json' } });
    },
  });
  const session = { member: { kind: 'user' as const, id: 1 }, generation: 'g1' };
  await gateway.conversations(session);
  await gateway.conversations(session);
  expect(seen.map((headers) => headers.get('authorization'))).toEqual(['Bearer chat-secret', 'Bearer chat-secret']);
  const ids = seen.map((headers) => headers.get('x-request-id'));
  for (const id of ids) expect(id).toMatch(/^chat-[0-9a-f-]{36}$/);
  expect(new Set(ids).size).toBe(2);
});
