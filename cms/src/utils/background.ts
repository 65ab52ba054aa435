/**
 * Work a request starts and does not wait for (an order's email being composed after its
 * commit): tracked, so that a graceful shutdown lets it finish, and queue its jobs, before the
 * jobs stop and the database closes. Work that fails is reported: the cms logs it and shows it
 * to administrators with the failed jobs (see `reportBackgroundFailures`).
 */
const running = new Set<Promise<unknown>>();

type Report = (what: string, error: unknown) => unknown;
let report: Report = (what, error) => console.error(`${what} failed: ${String(error)}`);

/** Where failures of background work go from now on. */
export function reportBackgroundFailures(to: Report): void {
  report = to;
}

/** Runs `work` after the current request's own work; `what` names it when it fails ("The mail of quote D-2026-00012"). */
export function inBackground(what: string, work: () => Promise<unknown>): void {
  const task = new Promise((resolve) => setImmediate(resolve))
    .then(work)
    .catch(async (error: unknown) => {
      try {
        await report(what, error);
      } catch {
        // A report that fails (the database is away) leaves the log line it wrote.
      }
    });
  running.add(task);
  void task.finally(() => running.delete(task));
}

/** Resolves once the background work under way (and what it starts) is done, or after `timeoutMs`. */
export async function backgroundSettled(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (running.size > 0 && Date.now() < deadline) {
    await Promise.race([Promise.allSettled([...running]), new Promise((resolve) => setTimeout(resolve, deadline - Date.now()).unref())]);
  }
}
