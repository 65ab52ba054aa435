import { paraglideVitePlugin } from '@inlang/paraglide-js';
import path from 'node:path';
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vite';
import { paraglideOptions } from './paraglide.config.ts';

/**
 * adapter-node 6 no longer reads ORIGIN at run time and assumes https when no protocol
 * header is configured: over plain http every form POST would fail the CSRF check.
 * So the public origin is fixed when building (ORIGIN=https://shop.example vite build);
 * without it, run behind a proxy with PROTOCOL_HEADER/HOST_HEADER set (see .env.example).
 */
const origin = process.env.ORIGIN?.replace(/\/+$/, '') || undefined;
if (origin && !/^https?:\/\/[^/]+$/.test(origin)) throw new Error(`ORIGIN must be an origin like https://shop.example, got "${origin}"`);

// Where `vite build` writes the server: the tests and benchmarks build their own (with their
// own origin) without touching the one `npm start` runs.
const out = process.env.STOREFRONT_BUILD_DIR || 'build';

// The messages page opens a socket to the chat-server (CHAT_URL, the same at run time).
const chat = new URL(process.env.CHAT_URL || 'http://localhost:4000');
const chatSources = [chat.origin, `${chat.protocol === 'https:' ? 'wss:' : 'ws:'}//${chat.host}`] as `${string}://${string}.${string}`[];

const generatedRuntime = path.join(paraglideOptions.outdir, 'runtime.js');
/**
 * The browser gets src/lib/paraglide-browser.ts instead of Paraglide's generated runtime: the
 * messages only need the page's language there, and the catalogue page's JavaScript stays
 * within its 50 kB. The server keeps the full runtime (middleware, strategies, URL patterns).
 */
const browserRuntime: Plugin = {
  name: 'ventalis:paraglide-browser-runtime',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (options.ssr || !source.endsWith('runtime.js') || !importer) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return resolved?.id === generatedRuntime ? path.join(import.meta.dirname, 'src', 'lib', 'paraglide-browser.ts') : null;
  },
};

export default defineConfig({
  build: {
    rolldownOptions: {
      output: {
        // The small modules every page needs for its language, in one chunk rather than five.
        codeSplitting: { groups: [{ name: 'i18n', test: /src\/lib\/(locale-prefix|paraglide-browser|i18n)\.ts|contracts\/dist\/locale\.js|paraglide\/registry\.js/ }] },
      },
    },
  },
  plugins: [
    browserRuntime,
    // Compiles messages/*.json into src/lib/paraglide before anything imports it.
    paraglideVitePlugin(paraglideOptions),
    sveltekit({
      adapter: adapter({ out }),
      paths: { origin },
      // The browser asks the server which route a link leads to (once per route, on hover or
      // tap) instead of downloading every route's pattern with the first page.
      router: { resolution: 'server' },
      csp: {
        mode: 'auto',
        directives: {
          'default-src': ['self'],
          // Stripe.js and its Payment Element, when Stripe keys are configured.
          'script-src': ['self', 'https://js.stripe.com'],
          'frame-src': ['https://js.stripe.com', 'https://hooks.stripe.com'],
          'connect-src': ['self', 'https://api.stripe.com', ...chatSources],
          'style-src': ['self', 'unsafe-inline'],
          'img-src': ['self', 'data:', 'https:'],
          'object-src': ['none'],
          'base-uri': ['self'],
          'form-action': ['self'],
          'frame-ancestors': ['none'],
        },
      },
    }),
  ],
});
