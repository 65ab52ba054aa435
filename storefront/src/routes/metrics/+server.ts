import { error } from '@sveltejs/kit';
import { METRICS_TOKEN } from '$app/env/private';
import { bearerMatches } from '@ventalis/contracts/operations';
import { registry } from '#lib/server/observability.ts';
import type { RequestHandler } from './$types';

/** Prometheus' text, for whoever holds METRICS_TOKEN; for anyone else the address does not exist. */
export const GET: RequestHandler = async ({ request }) => {
  if (!bearerMatches(request.headers.get('authorization'), METRICS_TOKEN)) error(404);
  return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
};
