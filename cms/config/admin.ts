import type { Core } from '@strapi/strapi';
import { requiredSetting } from '../src/utils/settings';
import { previewUrl } from '../src/utils/preview';
import { adminPasswordResetTemplate } from '../src/mail/messages';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: requiredSetting(env, 'ADMIN_JWT_SECRET', 'local-admin-jwt-secret'),
  },
  // The panel's own "forgot password" mail, in French and English (see src/mail/messages.ts).
  forgotPassword: {
    // Strapi types it as a string; the panel uses { subject, text, html } (its own default has that shape).
    emailTemplate: adminPasswordResetTemplate as never,
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
  // The Preview button of the Home and "Our commitment" pages opens the storefront in draft mode.
  preview: {
    enabled: true,
    config: {
      allowedOrigins: [new URL(env('STOREFRONT_URL', 'http://localhost:5173')).origin],
      async handler(uid, { status }) {
        const draft = status !== 'published';
        return previewUrl(strapi.config.get('ventalis.storefrontUrl') as string, strapi.config.get('ventalis.previewSecret') as string, uid, draft ? 'draft' : 'published');
      },
    },
  },
  flags: {
    nps: false,
    promoteEE: false,
    docLinks: false,
  },
});

export default config;
