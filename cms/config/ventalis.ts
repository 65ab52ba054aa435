import type { Core } from '@strapi/strapi';
import { isProduction, refuseToStart, requiredSetting } from '../src/utils/settings';
import { chatPublicUrl } from '../src/utils/chat-public-url';

/** Ventalis' own settings, read as strapi.config.get('ventalis.<name>'). */
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  if (env('STRIPE_SECRET_KEY') && !env('STRIPE_WEBHOOK_SECRET') && isProduction()) {
    refuseToStart('missing required setting STRIPE_WEBHOOK_SECRET in production when STRIPE_SECRET_KEY is set (see cms/.env.example)');
  }
  const webhookUrl = env('STOREFRONT_WEBHOOK_URL', '');
  return {
    storefrontUrl: env('STOREFRONT_URL', 'http://localhost:5173'),
    // Where the storefront hears of content changes (its cache), and the secret it expects.
    storefrontWebhook: {
      url: webhookUrl,
      secret: webhookUrl ? requiredSetting(env, 'STOREFRONT_WEBHOOK_SECRET', 'local-webhook-secret') : '',
    },
    staffEmail: env('STAFF_EMAIL', 'staff@ventalis.local'),
    mailOutboxDir: env('MAIL_OUTBOX_DIR', '.tmp/outbox'),
    redisUrl: env('REDIS_URL', ''),
    // Names what this deployment keeps in a Redis server it may share (the caches' channel).
    redisPrefix: env('REDIS_PREFIX', 'ventalis'),
    // Background jobs (src/jobs): on Redis when REDIS_URL is set, in this process otherwise.
    jobs: {
      // Tries of a one-off job (an email) before administrators see it failed, and the pause before the second (doubled each time).
      attempts: env.int('JOB_ATTEMPTS', 6),
      backoffMs: env.int('JOB_BACKOFF_MS', 30_000),
      // How often the minute jobs run.
      everyMs: env.int('JOB_EVERY_MS', 60_000),
      // How long a job waits for Redis to come back to be queued, before it runs in the process that made it.
      queueWaitMs: env.int('JOB_QUEUE_WAIT_MS', 30_000),
    },
    // On SIGTERM, how long requests in flight may take to finish before their connections are cut.
    shutdownGraceSeconds: env.int('SHUTDOWN_GRACE_SECONDS', 10),
    previewSecret: requiredSetting(env, 'PREVIEW_SECRET', 'local-preview-secret'),
    chat: {
      // Signs the chat-server's socket tickets and authenticates its calls here.
      secret: requiredSetting(env, 'CHAT_SECRET', 'local-chat-secret'),
      ticketSeconds: env.int('CHAT_TICKET_SECONDS', 60),
      // Where messages sent through the REST API are handed over for live delivery; empty: not delivered live.
      serverUrl: env('CHAT_SERVER_URL', ''),
      // Where browsers reach the chat-server: the admin panel's Messages page connects there.
      publicUrl: chatPublicUrl(env),
    },
    catalogueCacheSeconds: env.int('CATALOGUE_CACHE_SECONDS', 2),
    resetPasswordTtlMinutes: env.int('RESET_PASSWORD_TTL_MINUTES', 60),
    payments: {
      // Stripe when a secret key is set, else the simulated provider.
      provider: env('STRIPE_SECRET_KEY') ? 'stripe' : 'simulated',
      timeoutMinutes: env.int('PAYMENT_TIMEOUT_MINUTES', 30),
      stripe: {
        secretKey: env('STRIPE_SECRET_KEY', ''),
        publishableKey: env('STRIPE_PUBLISHABLE_KEY', ''),
        webhookSecret: env('STRIPE_WEBHOOK_SECRET', ''),
        // Only to point the SDK at a Stripe-compatible server (tests).
        host: env('STRIPE_API_HOST'),
        port: env.int('STRIPE_API_PORT'),
        protocol: env('STRIPE_API_PROTOCOL'),
      },
    },
    rateLimits: {
      limits: {
        // Sign-in, registration and reset attempts per client address, over a window.
        authPerAddress: { points: env.int('RATE_LIMIT_AUTH_PER_ADDRESS', 20), durationSeconds: env.int('RATE_LIMIT_AUTH_WINDOW_SECONDS', 60) },
        // Per account from one address: tight, and only that address waits.
        authPerAccountAndAddress: { points: env.int('RATE_LIMIT_AUTH_PER_ACCOUNT_AND_ADDRESS', 5), durationSeconds: env.int('RATE_LIMIT_AUTH_WINDOW_SECONDS', 60) },
        // Per account from every address it never signed in from: loose, then closed to them longer each time.
        authPerAccount: { points: env.int('RATE_LIMIT_AUTH_PER_ACCOUNT', 20), durationSeconds: env.int('RATE_LIMIT_AUTH_WINDOW_SECONDS', 60) },
        inquiryPerAddress: { points: env.int('RATE_LIMIT_INQUIRY_PER_ADDRESS', 5), durationSeconds: env.int('RATE_LIMIT_INQUIRY_WINDOW_SECONDS', 600) },
      },
      maxBlockSeconds: env.int('RATE_LIMIT_AUTH_MAX_BLOCK_SECONDS', 3600),
      knownAddressDays: env.int('RATE_LIMIT_KNOWN_ADDRESS_DAYS', 14),
    },
  };
};
