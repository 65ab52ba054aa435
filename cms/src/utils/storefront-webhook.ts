/**
 * Tells the storefront that public content changed, so that it drops its cached copies at
 * once instead of when they expire. Changes close together (one save in the panel touches
 * several rows) go out as one call; a failed call is retried twice, then logged: the
 * storefront's own expiry still brings the change within its cache lifetime.
 */
import { push } from './push';

export interface StorefrontWebhookOptions {
  /** e.g. http://127.0.0.1:3000/api/cms-webhook, or several separated by commas (one per storefront replica); empty turns the notifier off. */
  url: string;
  secret: string;
  log: { warn(message: string): void };
  debounceMs?: number;
  retryDelayMs?: number;
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

export function createStorefrontNotifier(options: StorefrontWebhookOptions) {
  const debounceMs = options.debounceMs ?? 100;
  const retryDelayMs = options.retryDelayMs ?? 500;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const urls = options.url.split(',').map((url) => url.trim()).filter(Boolean);

  return {
    enabled: Boolean(options.url),

    /** A change to this content type: the storefront hears of it within debounceMs. */
    notify(model: string): void {
      if (!options.url) return;
      pending.add(model);
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        const models = [...pending];
        pending.clear();
        for (const url of urls) void push({ url, secret: options.secret, what: `The storefront's notice of a content change (${models.join(', ')})`, log: options.log, retryDelayMs, timeoutMs: options.timeoutMs, fetch: options.fetch }, { event: 'content.changed', models });
      }, debounceMs);
      timer.unref();
    },

    stop(): void {
      clearTimeout(timer);
      timer = undefined;
      pending.clear();
    },
  };
}

export type StorefrontNotifier = ReturnType<typeof createStorefrontNotifier>;
