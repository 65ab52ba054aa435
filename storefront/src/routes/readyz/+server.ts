import { CMS_URL } from '$app/env/private';
import type { RequestHandler } from './$types';

/** Ready when the cms answers: the proxy sends no visitors to a storefront cut off from it. */
export const GET: RequestHandler = async () => {
  const cms = await fetch(`${CMS_URL}/healthz`, { signal: AbortSignal.timeout(2000) }).then(
    (response) => (response.ok ? 'ok' : 'failed'),
    () => 'failed',
  );
  const ready = cms === 'ok';
  return new Response(JSON.stringify({ status: ready ? 'ready' : 'not_ready', checks: { cms } }), {
    status: ready ? 200 : 503,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
};
