/**
 * Tells another of our services something, server to server: a JSON POST with the shared
 * secret, retried twice a little later when the other side does not answer yet; never
 * throws (the caller's work is done; a lost notice is logged).
 */
export interface PushOptions {
  url: string;
  secret: string;
  /** What the notice is about, for the log. */
  what: string;
  log: { warn(message: string): void };
  retryDelayMs?: number;
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

export function push(options: PushOptions, body: unknown, attempt = 1): Promise<void> {
  const fetch = options.fetch ?? globalThis.fetch;
  const retryDelayMs = options.retryDelayMs ?? 500;
  return fetch(options.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.secret}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
  })
    .then(async (response) => {
      await response.body?.cancel();
      if (!response.ok) throw new Error(`it answered ${response.status}`);
    })
    .catch((error: unknown) => {
      if (attempt < 3) {
        setTimeout(() => void push(options, body, attempt + 1), retryDelayMs * attempt).unref();
        return;
      }
      options.log.warn(`${options.what} was not delivered to ${new URL(options.url).host}: ${(error as Error).message}`);
    });
}
