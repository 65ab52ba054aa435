import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { chatPublicUrl, socketSources } from '../src/utils/chat-public-url';
import { requiredSetting } from '../src/utils/settings';
import { trustedProxies } from '../src/middlewares/client-address';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  // Before all: request ids, request timing, and the health, readiness and metrics addresses.
  { name: 'global::observability', config: { metricsToken: env('METRICS_TOKEN', '') } },
  {
    // First: every later middleware (rate limits, the panel's own) sees the real client address.
    name: 'global::client-address',
    config: {
      secret: requiredSetting(env, 'CLIENT_ADDRESS_SECRET', 'local-client-address-secret'),
      trustedProxies: trustedProxies(env),
    },
  },
  'strapi::logger',
  // Outside strapi::errors: every 4xx of the public API leaves with a code of ERROR_CODES.
  'global::error-codes',
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
  // Before parsing, sessions and routing: catalogue reads the cache can answer, once the reader is checked.
  'global::catalogue-fast-path',
  'strapi::query',
  {
    name: 'strapi::body',
    config: {
      jsonLimit: '256kb',
      formLimit: '256kb',
      // Payment webhooks verify their signature on the raw body.
      includeUnparsed: true,
      // A body that cannot be read (broken JSON, a multipart form without its boundary…)
      // is the sender's mistake: a 400 naming it (413 when too large), in the API's error
      // shape, instead of a 500 or an error logged with its stack for every such request.
      onError(error: Error & { status?: number }) {
        if (error.status === 413) throw new errors.PayloadTooLargeError(`The request body is too large: ${error.message}`, { code: 'request.body_too_large' });
        throw new errors.ValidationError(`The request body could not be read: ${error.message}`, { code: 'request.body_unreadable' });
      },
    },
  },
  // Right after the body parser: the temporary files of an upload go once it is answered.
  'global::uploaded-files',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
