/**
 * What `npm start` runs: the three services on the embedded defaults, each with only the
 * settings and secrets it needs, listening on 127.0.0.1 unless a host is given.
 */
import path from 'node:path';
import { root } from './lib.ts';
import type { SecretSpec } from './local-secrets.ts';
import type { ServiceSpec } from './supervise.ts';

/** The secrets npm start generates once per installation; the cms gets them all. */
export const STACK_SECRETS: SecretSpec[] = [
  { name: 'APP_KEYS', values: 2 },
  'JWT_SECRET',
  'ADMIN_JWT_SECRET',
  'API_TOKEN_SALT',
  'TRANSFER_TOKEN_SALT',
  'ENCRYPTION_KEY',
  'STOREFRONT_WEBHOOK_SECRET',
  'PREVIEW_SECRET',
  'CHAT_SECRET',
  'CLIENT_ADDRESS_SECRET',
];

export interface StackOptions {
  /** Where the services listen: 127.0.0.1 (this machine only) unless told otherwise. */
  host?: string;
  port: string;
  storefrontPort: string;
  chatPort: string;
  secrets: Record<string, string>;
}

export function stackServices({ host = '127.0.0.1', port, storefrontPort, chatPort, secrets }: StackOptions): ServiceSpec[] {
  const storefrontOrigin = `http://localhost:${storefrontPort}`;
  const chatUrl = `http://localhost:${chatPort}`;
  const cmsUrl = `http://127.0.0.1:${port}`;
  return [
    {
      name: 'cms',
      // Strapi itself rather than through npm, so that stopping the stack stops it too.
      command: process.execPath,
      args: [path.join(root, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'],
      cwd: path.join(root, 'cms'),
      env: {
        ...secrets,
        HOST: host,
        PORT: port,
        STOREFRONT_URL: storefrontOrigin,
        STOREFRONT_WEBHOOK_URL: `http://127.0.0.1:${storefrontPort}/api/cms-webhook`,
        CHAT_SERVER_URL: `http://127.0.0.1:${chatPort}`,
        // The panel's Messages page connects there (the chat-server allows the panel's origin below).
        CHAT_PUBLIC_URL: chatUrl,
      },
      ready: /Strapi started successfully/,
    },
    {
      name: 'storefront',
      command: process.execPath,
      args: ['server.ts', 'build'],
      cwd: path.join(root, 'storefront'),
      env: {
        HOST: host,
        PORT: storefrontPort,
        CMS_URL: cmsUrl,
        CMS_PUBLIC_URL: `http://localhost:${port}`,
        CMS_WEBHOOK_SECRET: secrets.STOREFRONT_WEBHOOK_SECRET!,
        PREVIEW_SECRET: secrets.PREVIEW_SECRET!,
        // Signs each visitor's address for the cms' per-address limits.
        CLIENT_ADDRESS_SECRET: secrets.CLIENT_ADDRESS_SECRET!,
        CHAT_URL: chatUrl,
      },
      ready: /Listening on/,
    },
    {
      name: 'chat-server',
      command: process.execPath,
      args: [path.join(root, 'chat-server', 'src', 'main.ts')],
      cwd: path.join(root, 'chat-server'),
      env: {
        HOST: host,
        PORT: chatPort,
        CHAT_SECRET: secrets.CHAT_SECRET!,
        CMS_URL: cmsUrl,
        // The storefront's messages page and the admin panel's Messages page.
        ALLOWED_ORIGINS: `${storefrontOrigin},http://localhost:${port}`,
        REDIS_URL: '',
      },
      ready: /listening on/,
    },
  ];
}
