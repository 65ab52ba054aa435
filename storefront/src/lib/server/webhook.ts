/**
 * The cms' call when public content changes (cms/src/utils/storefront-webhook.ts): the
 * cached catalogue and pages are dropped, so that an edit in the panel shows at once.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** secret: the cms' STOREFRONT_WEBHOOK_SECRET; empty turns the endpoint off (404). */
export function createCmsWebhookHandler(secret: string, invalidate: () => void) {
  return async (request: Request): Promise<Response> => {
    if (!secret) return new Response('Not found', { status: 404 });
    const given = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
    // Digests have the same length, so the comparison takes the same time whatever is sent.
    if (!timingSafeEqual(digest(given), digest(secret))) return Response.json({ error: 'Wrong or missing webhook secret' }, { status: 401 });
    await request.body?.cancel();
    invalidate();
    return new Response(null, { status: 204 });
  };
}
