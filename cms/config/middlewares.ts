import type { Core } from '@strapi/strapi';
import { chatPublicUrl, socketSources } from '../src/utils/chat-public-url';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          // The panel's Messages page opens a socket to the chat-server.
          'connect-src': ["'self'", 'https:', ...socketSources(chatPublicUrl(env))],
          'img-src': ["'self'", 'data:', 'blob:'],
          'frame-ancestors': ["'self'"],
        },
      },
    },
  },
  {
    name: 'strapi::cors',
    config: {
      // The storefront calls the cms from its server; browsers only reach the admin panel.
      origin: env.array('CORS_ORIGINS', [env('STOREFRONT_URL', 'http://localhost:5173')]),
      credentials: true,
    },
  },
  'strapi::poweredBy',
  'strapi::query',
  {
    name: 'strapi::body',
    config: {
      jsonLimit: '256kb',
      formLimit: '256kb',
      // Payment webhooks verify their signature on the raw body.
      includeUnparsed: true,
      // A body that cannot be read (a multipart form without its boundary, say) is the
      // sender's mistake: a 400 naming it, not a 500. Broken JSON and too-large bodies
      // already carry their 4xx status.
      onError(error: Error & { status?: number; httpCode?: number }, ctx: { throw: (status: number, message: string) => never }) {
        const status = error.status ?? error.httpCode ?? 400;
        ctx.throw(status >= 400 && status < 500 ? status : 400, status >= 400 && status < 500 ? error.message : `The request body could not be read: ${error.message}`);
      },
    },
  },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
