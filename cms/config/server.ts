import type { Core } from '@strapi/strapi';
import { requiredSetting } from '../src/utils/settings';
import { trustedProxies } from '../src/middlewares/client-address';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', `http://localhost:${env.int('PORT', 1337)}`),
  // X-Forwarded-Proto and -Host (secure cookies behind TLS) only count from TRUSTED_PROXIES:
  // global::client-address drops forwarding headers sent by anyone else.
  proxy: { koa: trustedProxies(env).length > 0 },
  app: {
    keys: requiredSetting(env, 'APP_KEYS', 'local-app-key-1,local-app-key-2').split(','),
  },
  webhooks: {
    populateRelations: false,
  },
  logger: {
    updates: { enabled: false },
    startup: { enabled: env.bool('STRAPI_STARTUP_BANNER', true) },
  },
});

export default config;
