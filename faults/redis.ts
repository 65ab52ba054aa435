import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';

/**
 * A Redis server of the fault tests' own, on its own port and folder, so that it can be
 * restarted without touching the machine's. Configured as docker-compose.yml's: every write
 * logged to disk (the job queues survive a restart), nothing evicted.
 */
export async function startRedis(port: number, dir: string) {
  mkdirSync(dir, { recursive: true });
  let server: ChildProcess | undefined;

  async function launch() {
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'everysec', '--maxmemory-policy', 'noeviction'], { stdio: ['ignore', 'pipe', 'pipe'] });
    server = child;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`redis-server did not start on port ${port}: ${output}`)), 10_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (/Ready to accept connections/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code}): ${output}`));
      });
    });
  }

  async function stop() {
    const child = server;
    server = undefined;
    if (!child || child.exitCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await gone;
  }

  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    /** Stopped as an operator's restart does (SIGTERM: the log is flushed), then started again. */
    async restart(downMs = 1000) {
      await stop();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await launch();
    },
    stop,
  };
}
