import type { RequestHandler } from './$types';

/** For the container's health check: the server answers, whatever the cms is doing. */
export const GET: RequestHandler = () => new Response('ok', { headers: { 'cache-control': 'no-store' } });
