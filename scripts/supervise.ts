/**
 * Runs the stack's services side by side for `npm start`: each one's output prefixed with its
 * name, a service that crashes is started again after a growing pause while the others keep
 * running, and one that keeps crashing right after starting is given up with a clear message
 * (restarting it forever would only hide the error in a scrolling log). Stopping stops all.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServiceSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** A line of the service's output that says it is ready to serve. */
  ready: RegExp;
  /** Started once this other service is ready (replicas that would otherwise run the same start-up work at once). */
  after?: string;
}

export interface SuperviseOptions {
  /** Pause before the n-th restart in a row (1-based). */
  backoffMs?: (restart: number) => number;
  /** Crashes this close together count as a crash loop… */
  crashWindowMs?: number;
  /** …and this many of them in the window make the supervisor give the service up. */
  maxCrashes?: number;
  /** Called once, when every service has been ready at least once. */
  onAllReady?: () => void;
  /** Where the supervisor's own lines go (the services' output goes to stdout/stderr). */
  log?: (line: string) => void;
  /** Where a service's output goes, already prefixed. */
  write?: (stream: 'stdout' | 'stderr', text: string) => void;
}

export interface Supervisor {
  /** The running process of a service, if any. */
  process(name: string): ChildProcess | undefined;
  /** Resolves with the service's state once it is ready (again) or given up. */
  whenSettled(name: string): Promise<'ready' | 'given-up'>;
  /** Starts again a service that stopped (asked to, or given up on); nothing if it runs. */
  restart(name: string): void;
  /** Stops every service with the signal and resolves when all have exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const defaultBackoff = (restart: number) => Math.min(500 * 2 ** (restart - 1), 10_000);

/** A service stopped by these signals was asked to stop (Ctrl-C, an operator's kill): not a crash. */
const STOP_SIGNALS = new Set<NodeJS.Signals>(['SIGINT', 'SIGTERM']);

export function supervise(specs: ServiceSpec[], options: SuperviseOptions = {}): Supervisor {
  const backoff = options.backoffMs ?? defaultBackoff;
  const crashWindow = options.crashWindowMs ?? 60_000;
  const maxCrashes = options.maxCrashes ?? 5;
  const log = options.log ?? ((line: string) => console.error(line));
  const write = options.write ?? ((stream, text) => process[stream].write(text));

  let stopping = false;
  let allReadyAnnounced = false;
  const state = new Map(
    specs.map((spec) => [
      spec.name,
      {
        spec,
        child: undefined as ChildProcess | undefined,
        everReady: false,
        crashes: [] as number[],
        restartTimer: undefined as NodeJS.Timeout | undefined,
        settled: undefined as undefined | 'ready' | 'given-up',
        waiters: [] as ((s: 'ready' | 'given-up') => void)[],
      },
    ]),
  );
  type Entry = NonNullable<ReturnType<typeof state.get>>;

  const settle = (entry: Entry, outcome: 'ready' | 'given-up') => {
    entry.settled = outcome;
    for (const resolve of entry.waiters.splice(0)) resolve(outcome);
  };

  function start(entry: Entry) {
    const { spec } = entry;
    const child = spawn(spec.command, spec.args, { cwd: spec.cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...spec.env } });
    entry.child = child;
    let ready = false;
    const forward = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const text = chunk.toString();
      write(stream, text.replace(/^(?=.)/gm, `[${spec.name}] `));
      if (!ready && spec.ready.test(text)) {
        ready = true;
        if (entry.everReady) log(`↻ ${spec.name} is running again.`);
        entry.everReady = true;
        settle(entry, 'ready');
        if (!allReadyAnnounced && [...state.values()].every((e) => e.everReady)) {
          allReadyAnnounced = true;
          options.onAllReady?.();
        }
      }
    };
    child.stdout!.on('data', forward('stdout'));
    child.stderr!.on('data', forward('stderr'));
    child.on('error', (error) => log(`✗ ${spec.name} could not start: ${error.message}`));
    child.on('exit', (code, signal) => {
      entry.child = undefined;
      entry.settled = undefined;
      if (stopping) return;
      if (code === 0 || (signal && STOP_SIGNALS.has(signal))) {
        log(`${spec.name} stopped (${signal ?? 'exit 0'}); the other services keep running. Ctrl-C stops them.`);
        settle(entry, 'given-up');
        return;
      }
      const now = Date.now();
      entry.crashes = [...entry.crashes.filter((at) => now - at < crashWindow), now];
      if (entry.crashes.length >= maxCrashes) {
        log(
          `✗ ${spec.name} crashed ${entry.crashes.length} times within ${Math.round(crashWindow / 1000)} s: giving up on it ` +
            `(its output above says why); the other services keep running. Fix it, then start the stack again.`,
        );
        settle(entry, 'given-up');
        return;
      }
      const wait = backoff(entry.crashes.length);
      log(`✗ ${spec.name} crashed (${signal ?? `exit ${code}`}): restarting it in ${(wait / 1000).toFixed(1)} s.`);
      entry.restartTimer = setTimeout(() => {
        entry.restartTimer = undefined;
        if (!stopping) start(entry);
      }, wait);
    });
  }

  const supervisor: Supervisor = {
    process: (name) => state.get(name)?.child,
    whenSettled(name) {
      const entry = state.get(name);
      if (!entry) return Promise.reject(new Error(`no service ${name}`));
      if (entry.settled) return Promise.resolve(entry.settled);
      return new Promise((resolve) => entry.waiters.push(resolve));
    },
    restart(name) {
      const entry = state.get(name);
      if (!entry) throw new Error(`no service ${name}`);
      if (stopping || entry.child || entry.restartTimer) return;
      entry.crashes = [];
      entry.settled = undefined;
      start(entry);
    },
    async stop(signal = 'SIGTERM') {
      stopping = true;
      const exits: Promise<unknown>[] = [];
      for (const entry of state.values()) {
        clearTimeout(entry.restartTimer);
        const child = entry.child;
        if (!child || child.exitCode !== null || child.signalCode !== null) continue;
        exits.push(new Promise((resolve) => child.once('exit', resolve)));
        child.kill(signal);
      }
      await Promise.all(exits);
    },
  };

  for (const entry of state.values()) {
    const after = entry.spec.after;
    if (!after) start(entry);
    else
      void supervisor.whenSettled(after).then((outcome) => {
        if (outcome === 'ready' && !stopping) start(entry);
        else if (!stopping) log(`✗ ${entry.spec.name} is not started: ${after} did not start.`);
      });
  }
  return supervisor;
}
