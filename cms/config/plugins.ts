import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { isProduction, refuseToStart, requiredSetting } from '../src/utils/settings';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => {
  const smtpHost = env('SMTP_HOST');
  if (!smtpHost && isProduction()) {
    refuseToStart('missing required setting SMTP_HOST in production (see cms/.env.example)');
  }
  return {
    // Ventalis' own panel feature. Resolved beside this file: the server runs the compiled
    // plugin (dist/src/plugins/messages), `strapi build` bundles its admin sources.
    messages: {
      enabled: true,
      resolve: path.join(__dirname, '..', 'src', 'plugins', 'messages'),
    },
    'users-permissions': {
      config: {
        jwtSecret: requiredSetting(env, 'JWT_SECRET', 'local-users-permissions-jwt-secret'),
        jwtManagement: 'refresh',
        sessions: {
          accessTokenLifespan: env.int('ACCESS_TOKEN_LIFESPAN_SECONDS', 900),
          maxRefreshTokenLifespan: env.int('REFRESH_TOKEN_LIFESPAN_SECONDS', 30 * 24 * 3600),
          idleRefreshTokenLifespan: env.int('REFRESH_TOKEN_IDLE_SECONDS', 7 * 24 * 3600),
          // The storefront's server keeps the tokens in its own httpOnly cookie.
          httpOnly: false,
          cookie: { secure: env.bool('COOKIE_SECURE', isProduction()) },
        },
        ratelimit: { enabled: false },
      },
    },
    email: {
      config: {
        provider: 'nodemailer',
        providerOptions: {
          // Without SMTP_HOST the cms runs its own SMTP server writing to a local outbox (see src/mail).
          host: smtpHost ?? '127.0.0.1',
          port: env.int('SMTP_PORT', 0),
          secure: env.bool('SMTP_SECURE', false),
          ignoreTLS: !smtpHost,
          ...(env('SMTP_USERNAME') ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } } : {}),
        },
        settings: {
          defaultFrom: env('MAIL_FROM', 'Ventalis <no-reply@ventalis.local>'),
          defaultReplyTo: env('MAIL_REPLY_TO', 'Ventalis <contact@ventalis.local>'),
        },
      },
    },
    upload: {
      config: {
        sizeLimit: 10 * 1024 * 1024,
        security: {
          allowedTypes: ['image/*', 'application/pdf'],
          deniedTypes: ['image/svg+xml'],
        },
      },
    },
  };
};

export default config;
