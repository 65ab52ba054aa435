import type { Core } from '@strapi/strapi';
import { requiredSetting } from '../src/utils/settings';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: requiredSetting(env, 'ADMIN_JWT_SECRET', 'local-admin-jwt-secret'),
  },
  apiToken: {
    salt: requiredSetting(env, 'API_TOKEN_SALT', 'local-api-token-salt'),
  },
  transfer: {
    token: {
      salt: requiredSetting(env, 'TRANSFER_TOKEN_SALT', 'local-transfer-token-salt'),
    },
  },
  secrets: {
    encryptionKey: requiredSetting(env, 'ENCRYPTION_KEY', 'local-encryption-key-0123456789ab'),
  },
  flags: {
    nps: false,
    promoteEE: false,
    docLinks: false,
  },
});

export default config;
