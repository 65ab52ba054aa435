import type { Core } from '@strapi/strapi';
import { requiredSetting } from '../src/utils/settings';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', `http://localhost:${env.int('PORT', 1337)}`),
  proxy: { koa: env.bool('BEHIND_PROXY', false) },
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
