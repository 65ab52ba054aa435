import { createHash } from 'node:crypto';
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { jobRuns, measureBacklog } from '../observability/metrics';

/**
 * Background work: the minute jobs (payment expiry, approvals, chat summaries, invoices,
 * reminders, quotes) and the one-off jobs (every email).
 *
 * With Redis (REDIS_URL) the jobs live in a BullMQ queue shared by every cms process: each
 * minute job has one scheduler for the whole deployment, so one process runs each tick; a
 * one-off job added twice under the same key is kept once, retried with a growing pause when
 * it fails, and is still there after a restart. Without Redis they run in this process, with
 * the same retries and the same de-duplication for as long as it lives.
 *
 * A job that failed for good (or a minute job that fails) is recorded in `api::job-failure`,
 * which administrators read in the panel.
 */

export interface JobSettings {
  /** Tries of a one-off job before it is recorded as failed. */
  attempts: number;
  /** Pause before the second try; doubled each time. */
  backoffMs: number;
  /** How often the minute jobs run. */
  everyMs: number;
  /** How long a job waits for Redis to come back to be queued, before it runs in the process that made it. */
  queueWaitMs: number;
}

interface Definition {
  run: (data: unknown) => Promise<unknown>;
  /** What the job was about, for the failure's record (never a secret: a mail's recipient and subject). */
  describe: (data: unknown) => string;
}

export interface JobFailure {
  job: string;
  key: string;
  about: string;
  error: string;
  attempts: number;
}

interface Host {
  log: { info(message: string): void; warn(message: string): void; error(message: string): void };
  /** Records a failure administrators will see. */
  recordFailure(failure: JobFailure): Promise<void>;
}

const QUEUE = 'jobs';
/** How long an added job's key is remembered (a second add with it is dropped). */
const KEEP_DONE_SECONDS = 24 * 3600;
const KEEP_FAILED_SECONDS = 30 * 24 * 3600;

const definitions = new Map<string, Definition>();
const recurring = new Map<string, () => Promise<unknown>>();

/** Declares what a one-off job of this name does. */
export function defineJob<T>(name: string, run: (data: T) => Promise<unknown>, describe: (data: T) => string): void {
  definitions.set(name, { run: run as Definition['run'], describe: describe as Definition['describe'] });
}

/** BullMQ's job ids may not hold every character: a key becomes a digest. */
const jobId = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 40);

/** The metrics' name of a job: "Expiring unpaid orders" → expiring-unpaid-orders. */
const slug = (what: string) => what.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** An error's message as a failure's record and the log keep it (bounded). */
export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

interface Backend {
  start(): Promise<void>;
  add(name: string, data: unknown, key: string): Promise<void>;
  close(): Promise<void>;
}

/** Without Redis: timers and retries in this process. */
class InProcess implements Backend {
  private timers = new Set<NodeJS.Timeout>();
  private seen = new Map<string, number>();
  private running = new Set<Promise<unknown>>();
  private closing = false;

  constructor(
    private readonly host: Host,
    private readonly settings: JobSettings,
  ) {}

  async start() {
    for (const [name, work] of recurring) {
      const timer = setInterval(() => this.track(runRecurring(this.host, name, work)), this.settings.everyMs);
      timer.unref();
      this.timers.add(timer);
    }
  }

  private track(work: Promise<unknown>) {
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
    return work;
  }

  /** The first try is made now (mail leaves with the answer, as before); the next ones later. */
  async add(name: string, data: unknown, key: string) {
    const now = Date.now();
    for (const [known, at] of this.seen) if (now - at > KEEP_DONE_SECONDS * 1000) this.seen.delete(known);
    if (this.seen.has(key)) return;
    this.seen.set(key, now);
    await this.track(this.attempt(name, data, key, 1));
  }

  private async attempt(name: string, data: unknown, key: string, attempt: number): Promise<void> {
    const definition = definitions.get(name);
    if (!definition) throw new Error(`Unknown job ${name}`);
    try {
      await definition.run(data);
      jobRuns.inc({ job: name, outcome: 'ok' });
    } catch (error) {
      jobRuns.inc({ job: name, outcome: 'failed' });
      const about = definition.describe(data);
      if (attempt >= this.settings.attempts || this.closing) {
        this.host.log.error(`Job ${name} (${about}) failed for good after ${attempt} tries: ${errorText(error)}`);
        await this.host.recordFailure({ job: name, key, about, error: errorText(error), attempts: attempt }).catch(() => undefined);
        return;
      }
      const pause = this.settings.backoffMs * 2 ** (attempt - 1);
      this.host.log.warn(`Job ${name} (${about}) failed, try ${attempt} of ${this.settings.attempts}, again in ${pause} ms: ${errorText(error)}`);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void this.track(this.attempt(name, data, key, attempt + 1));
      }, pause);
      timer.unref();
      this.timers.add(timer);
    }
  }

  async close() {
    this.closing = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }
}

/** With Redis: one BullMQ queue for the deployment, a worker in every process. */
class OnRedis implements Backend {
  private queue: Queue;
  private worker: Worker | undefined;
  private producer: Redis;
  private consumer: Redis;
  /** Jobs waiting for Redis to be queued; a stop does not wait for Redis, it runs them here first. */
  private waiting = new Set<Promise<void>>();
  private closing = false;

  constructor(
    private readonly host: Host,
    private readonly settings: JobSettings,
    redisUrl: string,
    private readonly prefix: string,
  ) {
    // Adding fails fast when Redis is away (the job waits and tries again, see add()); the worker waits for it.
    // Named, so that Redis' CLIENT LIST and the logs tell them apart.
    this.producer = new Redis(redisUrl, { maxRetriesPerRequest: 1, connectionName: 'ventalis-jobs-producer' });
    this.consumer = new Redis(redisUrl, { maxRetriesPerRequest: null, connectionName: 'ventalis-jobs-worker' });
    this.producer.on('error', () => undefined);
    this.consumer.on('error', () => undefined);
    this.queue = this.makeQueue();
  }

  private makeQueue(): Queue {
    const queue = new Queue(QUEUE, { connection: this.producer, prefix: `${this.prefix}:bull` });
    queue.on('error', () => undefined);
    return queue;
  }

  /**
   * The queue, once it has spoken to Redis. BullMQ's queue first reads Redis' version, and if
   * Redis goes away during that very read (a cms starting as Redis restarts), it keeps that
   * failure for good: every add would then fail at once, and every job run in its process 30 s
   * late, until a restart. Such a queue is made again (on the same connection).
   */
  private async usableQueue(): Promise<Queue> {
    const queue = this.queue;
    try {
      await queue.waitUntilReady();
      return queue;
    } catch (error) {
      if (this.queue === queue) {
        this.queue = this.makeQueue();
        void queue.close().catch(() => undefined);
        this.host.log.warn(`The jobs’ queue is made again: its first contact with Redis failed (${errorText(error)})`);
      }
      throw error;
    }
  }

  async start() {
    this.worker = new Worker(QUEUE, (job) => this.process(job), { connection: this.consumer, prefix: `${this.prefix}:bull`, concurrency: 4, autorun: true });
    this.worker.on('error', () => undefined);
    this.worker.on('failed', (job, error) => void this.failed(job, error));
    measureBacklog('jobs', async () => {
      // A scrape does not wait for Redis: the gauge keeps its last figure meanwhile.
      if (this.producer.status !== 'ready') throw new Error('Redis is not connected');
      const counts = await (await this.usableQueue()).getJobCounts('waiting', 'delayed', 'active', 'prioritized');
      return Object.values(counts).reduce((sum, n) => sum + n, 0);
    });
    // One scheduler per minute job for the whole deployment (upserting is idempotent), set again
    // whenever Redis comes back, so that a cms started while Redis was away catches up; a failed
    // upsert is tried again a few seconds later.
    const schedule = (name: string) => {
      this.usableQueue()
        .then((queue) => queue.upsertJobScheduler(name, { every: this.settings.everyMs }, { name, opts: { removeOnComplete: 100, removeOnFail: 100 } }))
        .catch((error: unknown) => {
          this.host.log.warn(`Scheduling ${name} waits for Redis: ${errorText(error)}`);
          if (!this.closing) setTimeout(() => this.producer.status === 'ready' && schedule(name), 5000).unref();
        });
    };
    const scheduleAll = () => {
      for (const name of recurring.keys()) schedule(name);
    };
    this.producer.on('ready', scheduleAll);
    // What an operator reads of the queue's connection: when it was lost, and how long adding waited for it.
    let lostAt: number | null = null;
    this.producer.on('close', () => {
      if (lostAt !== null || this.closing) return;
      lostAt = Date.now();
      this.host.log.warn('Redis connection for queuing jobs lost: jobs wait for it');
    });
    this.producer.on('ready', () => {
      if (lostAt === null) return;
      this.host.log.warn(`Redis connection for queuing jobs back after ${Date.now() - lostAt} ms`);
      lostAt = null;
    });
    if (this.producer.status === 'ready') scheduleAll();
  }

  private async process(job: Job) {
    const work = recurring.get(job.name);
    if (work) return runRecurring(this.host, job.name, work);
    const definition = definitions.get(job.name);
    if (!definition) throw new Error(`Unknown job ${job.name}`);
    await definition.run(job.data);
    jobRuns.inc({ job: job.name, outcome: 'ok' });
  }

  private async failed(job: Job | undefined, error: Error) {
    if (!job || recurring.has(job.name)) return;
    jobRuns.inc({ job: job.name, outcome: 'failed' });
    const definition = definitions.get(job.name);
    const about = definition?.describe(job.data) ?? job.name;
    const attempts = job.opts.attempts ?? 1;
    if (job.attemptsMade < attempts) {
      this.host.log.warn(`Job ${job.name} (${about}) failed, try ${job.attemptsMade} of ${attempts}: ${errorText(error)}`);
      return;
    }
    this.host.log.error(`Job ${job.name} (${about}) failed for good after ${job.attemptsMade} tries: ${errorText(error)}`);
    await this.host.recordFailure({ job: job.name, key: job.id ?? '', about, error: errorText(error), attempts: job.attemptsMade }).catch(() => undefined);
  }

  async add(name: string, data: unknown, key: string) {
    const adding = this.queueOrRun(name, data, key);
    this.waiting.add(adding);
    await adding.finally(() => this.waiting.delete(adding));
  }

  private async queueOrRun(name: string, data: unknown, key: string) {
    const options = {
      jobId: jobId(key),
      attempts: this.settings.attempts,
      backoff: { type: 'exponential' as const, delay: this.settings.backoffMs },
      removeOnComplete: { age: KEEP_DONE_SECONDS },
      removeOnFail: { age: KEEP_FAILED_SECONDS },
    };
    // Queued under its key's id: BullMQ keeps one job per id, so an add sent again (after an
    // answer lost with the connection, or by ioredis resending it on reconnect) never makes a
    // second. While Redis is away, the job waits for it, tried again and again.
    const deadline = Date.now() + this.settings.queueWaitMs;
    // Why each try failed, counted: what the log says if the job has to run here.
    const failures = new Map<string, number>();
    for (;;) {
      try {
        if (this.producer.status !== 'ready') throw new Error(`Redis is not connected (${this.producer.status})`);
        await withTimeout(this.usableQueue().then((queue) => queue.add(name, data, options)), 3000);
        return;
      } catch (error) {
        const reason = errorText(error).slice(0, 120);
        failures.set(reason, (failures.get(reason) ?? 0) + 1);
      }
      if (this.closing || Date.now() >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // Redis stayed away (or this process is stopping meanwhile): the job is done here rather than lost (once; no retry survives this process).
    const why = [...failures].map(([reason, count]) => `${reason} ×${count}`).join('; ');
    this.host.log.warn(`Job ${name} could not be queued (${why}): it runs in this process`);
    const definition = definitions.get(name);
    await definition?.run(data).catch(async (failure: unknown) => {
      const about = definition.describe(data);
      this.host.log.error(`Job ${name} (${about}) failed: ${errorText(failure)}`);
      await this.host.recordFailure({ job: name, key, about, error: errorText(failure), attempts: 1 }).catch(() => undefined);
    });
  }

  /** Waits for the jobs under way in this process (the worker takes no new one), then lets go of Redis. */
  async close() {
    // Jobs still waiting for Redis stop waiting and run here, while the database is open.
    this.closing = true;
    await Promise.allSettled([...this.waiting]);
    // With Redis away there is nothing under way to wait for: the worker is let go at once.
    const connected = this.consumer.status === 'ready';
    if (this.worker) await withTimeout(this.worker.close(!connected), connected ? 15_000 : 1000).catch(() => this.worker?.close(true).catch(() => undefined));
    await withTimeout(this.queue.close(), 1000).catch(() => undefined);
    this.producer.disconnect();
    this.consumer.disconnect();
  }
}

const withTimeout = <T>(work: Promise<T>, ms: number) =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);

/** A minute job's run: counted, and its failure recorded for administrators (it runs again at the next tick). */
async function runRecurring(host: Host, name: string, work: () => Promise<unknown>) {
  const job = slug(name);
  try {
    await work();
    jobRuns.inc({ job, outcome: 'ok' });
  } catch (error) {
    jobRuns.inc({ job, outcome: 'failed' });
    host.log.error(`${name} failed: ${errorText(error)}`);
    await host.recordFailure({ job, key: job, about: name, error: errorText(error), attempts: 1 }).catch(() => undefined);
  }
}

let backend: Backend | undefined;

/** Declares a minute job (before `startJobs`). */
export function everyMinute(name: string, work: () => Promise<unknown>): void {
  recurring.set(name, work);
}

/** Starts the jobs of this process: on Redis when a URL is given, in process otherwise. */
export async function startJobs(host: Host, settings: JobSettings, redis?: { url: string; prefix: string }): Promise<void> {
  backend = redis?.url ? new OnRedis(host, settings, redis.url, redis.prefix) : new InProcess(host, settings);
  await backend.start();
}

/**
 * Adds a one-off job. `key` names it: a second job with the same key (the same mail, for
 * example) is dropped while the first is remembered (a day).
 */
export async function addJob(name: string, data: unknown, key: string): Promise<void> {
  if (backend) return backend.add(name, data, key);
  // Before the jobs start (start-up work) or after they stop: done now.
  const definition = definitions.get(name);
  if (!definition) throw new Error(`Unknown job ${name}`);
  await definition.run(data);
}

/** Lets the jobs under way finish, then stops (SIGTERM, or the end of a test). */
export async function stopJobs(): Promise<void> {
  const stopping = backend;
  backend = undefined;
  recurring.clear();
  await stopping?.close();
}
