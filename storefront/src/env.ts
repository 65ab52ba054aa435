/**
 * The storefront's run-time settings, validated when the server starts (see .env.example).
 * Server-only: read them from '$app/env/private'.
 */
import { defineEnvVars } from '@sveltejs/kit/env';

function wholeNumber(name: string, fallback: number) {
  return (value: string | undefined): number => {
    if (value === undefined || value === '') return fallback;
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
    return n;
  };
}

export const variables = defineEnvVars({
  CMS_URL: {
    description: 'Where the storefront server reaches the cms (use 127.0.0.1 rather than localhost).',
    schema: (value) => {
      const url = value || 'http://127.0.0.1:1337';
      if (!/^https?:\/\/[^/]+/.test(url)) throw new Error(`CMS_URL must be an http(s) URL, got "${url}"`);
      return url.replace(/\/+$/, '');
    },
  },
  CATALOGUE_CACHE_SECONDS: {
    description: 'How long public catalogue and page answers from the cms are reused (0: never).',
    schema: wholeNumber('CATALOGUE_CACHE_SECONDS', 30),
  },
  CMS_WEBHOOK_SECRET: {
    description: "The secret the cms sends when content changes (its STOREFRONT_WEBHOOK_SECRET); empty turns /api/cms-webhook off.",
    schema: (value) => value ?? '',
  },
  PREVIEW_SECRET: {
    description: "The cms' PREVIEW_SECRET: its panel's Preview button opens pages here in draft mode; empty turns previews off.",
    schema: (value) => value ?? '',
  },
  CMS_PUBLIC_URL: {
    description: "The cms' public origin (its admin panel), which may frame pages in draft mode; defaults to CMS_URL.",
    schema: (value) => {
      if (!value) return '';
      if (!/^https?:\/\/[^/]+/.test(value)) throw new Error(`CMS_PUBLIC_URL must be an http(s) URL, got "${value}"`);
      return new URL(value).origin;
    },
  },
  CHAT_URL: {
    description: "The chat-server as browsers reach it (the messages page's sockets); build with the same value, the page's CSP allows it.",
    schema: (value) => {
      const url = value || 'http://localhost:4000';
      if (!/^https?:\/\/[^/]+/.test(url)) throw new Error(`CHAT_URL must be an http(s) URL, got "${url}"`);
      return new URL(url).origin;
    },
  },
  CLIENT_ADDRESS_SECRET: {
    description: "The cms' CLIENT_ADDRESS_SECRET: signs each visitor's address for the cms' sign-in and contact limits (the same value on both sides).",
    // The cms' local default, so that a fresh clone works with no configuration; in production
    // the server refuses to start without it (see requiredInProduction, checked at start-up).
    schema: (value) => value || 'local-client-address-secret',
  },
  METRICS_TOKEN: {
    description: 'Bearer token that opens GET /metrics (Prometheus); empty: /metrics answers 404.',
    schema: (value) => value ?? '',
  },
  CMS_TIMEOUT_SECONDS: {
    description: 'How long to wait for the cms before showing an error page.',
    schema: wholeNumber('CMS_TIMEOUT_SECONDS', 10),
  },
});

/** Settings a production server cannot run without: a local default there would be public. */
const REQUIRED_IN_PRODUCTION = ['CLIENT_ADDRESS_SECRET'] as const;

/**
 * What a server starting with this environment lacks. Checked when the server starts rather
 * than in the schemas above: \`vite build\` runs them in production mode, without secrets.
 */
export function missingInProduction(env: Record<string, string | undefined>): string[] {
  if (env.NODE_ENV !== 'production') return [];
  return REQUIRED_IN_PRODUCTION.filter((name) => !env[name]);
}
