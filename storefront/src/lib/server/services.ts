/** The process-wide cms client and session resolver, configured from the environment. */
import { CATALOGUE_CACHE_SECONDS, CLIENT_ADDRESS_SECRET, CMS_TIMEOUT_SECONDS, CMS_URL } from '$app/env/private';
import { getLocale } from '../paraglide/runtime.js';
import { createCmsClient } from './cms.ts';
import { cmsCalls, currentRequestId } from './observability.ts';
import { createSessionResolver } from './session.ts';

export const cms = createCmsClient({
  baseUrl: CMS_URL,
  cacheTtlMs: CATALOGUE_CACHE_SECONDS * 1000,
  timeoutMs: Math.max(1, CMS_TIMEOUT_SECONDS) * 1000,
  clientAddressSecret: CLIENT_ADDRESS_SECRET,
  locale: getLocale,
  requestId: currentRequestId,
  onCall: (outcome) => cmsCalls.inc({ outcome }),
});

export const resolveSession = createSessionResolver(cms);
