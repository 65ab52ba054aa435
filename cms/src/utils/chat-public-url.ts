import { refuseToStart } from './settings';

type Env = { (key: string, fallback?: string): string | undefined };

/** Where browsers reach the chat-server: the admin panel's Messages page connects there. */
export function chatPublicUrl(env: Env): string {
  const url = env('CHAT_PUBLIC_URL', 'http://localhost:4000') ?? '';
  if (url && !URL.canParse(url)) refuseToStart(`CHAT_PUBLIC_URL is not a URL: ${url} (see cms/.env.example)`);
  return url;
}

/**
 * What a page's Content-Security-Policy must allow (connect-src) to open a socket there:
 * the chat-server's origin over HTTP(S), and over WebSocket once the connection upgrades.
 */
export function socketSources(url: string): string[] {
  if (!url) return [];
  const { protocol, host } = new URL(url);
  const secure = protocol === 'https:' || protocol === 'wss:';
  return [`${secure ? 'https' : 'http'}://${host}`, `${secure ? 'wss' : 'ws'}://${host}`];
}
