import { CMS_WEBHOOK_SECRET } from '$app/env/private';
import { cms } from '#lib/server/services.ts';
import { createCmsWebhookHandler } from '#lib/server/webhook.ts';
import type { RequestHandler } from './$types';

const handle = createCmsWebhookHandler(CMS_WEBHOOK_SECRET, () => cms.invalidateCache());

export const POST: RequestHandler = ({ request }) => handle(request);
