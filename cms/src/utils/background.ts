/**
 * Work a request starts and does not wait for (an order's email being composed after its
 * commit): tracked, so that a graceful shutdown lets it finish, and queue its jobs, before the
 * jobs stop and the database closes.
 */
const running = new Set<Promise<unknown>>();

export function inBackground(work: () => Promise<unknown>): void {
  const task = new Promise((resolve) => setImmediate(resolve)).then(work);
  running.add(task);
  void task.catch(() => undefined).finally(() => running.delete(task));
}

/** Resolves once the background work under way (and what it starts) is done, or after `timeoutMs`. */
export async function backgroundSettled(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (running.size > 0 && Date.now() < deadline) {
    await Promise.race([Promise.allSettled([...running]), new Promise((resolve) => setTimeout(resolve, deadline - Date.now()).unref())]);
  }
}
