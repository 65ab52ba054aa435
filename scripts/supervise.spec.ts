import { afterEach, describe, expect, it } from 'vitest';
import { supervise, type ServiceSpec, type Supervisor } from './supervise.ts';

/** A small Node service: says it is ready, then stays up (or crashes at once when told). */
const service = (name: string, crashAtStart = false): ServiceSpec => ({
  name,
  command: process.execPath,
  args: ['-e', crashAtStart ? 'console.error("boom: missing setting"); process.exit(3)' : 'console.log("ready"); setInterval(() => {}, 1000)'],
  cwd: process.cwd(),
  env: {},
  ready: /ready/,
});

const alive = (pid: number | undefined) => {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const exited = (supervisor: Supervisor, name: string) =>
  new Promise<void>((resolve) => supervisor.process(name)!.once('exit', () => resolve()));

describe('npm start supervision', () => {
  let stack: Supervisor | undefined;
  const lines: string[] = [];
  const options = { backoffMs: () => 50, log: (line: string) => lines.push(line), write: () => undefined };
  afterEach(async () => {
    await stack?.stop();
    lines.length = 0;
  });

  it('restarts a service killed with SIGKILL and keeps the others running', async () => {
    stack = supervise([service('cms'), service('storefront'), service('chat-server')], options);
    await Promise.all(['cms', 'storefront', 'chat-server'].map((name) => stack!.whenSettled(name)));
    const cms = stack.process('cms')!.pid;
    const storefront = stack.process('storefront')!.pid;
    const chat = stack.process('chat-server')!.pid!;

    const gone = exited(stack, 'chat-server');
    process.kill(chat, 'SIGKILL');
    await gone;
    expect(await stack.whenSettled('chat-server')).toBe('ready');

    expect(stack.process('chat-server')!.pid).not.toBe(chat);
    expect(alive(stack.process('chat-server')!.pid)).toBe(true);
    expect(stack.process('cms')!.pid).toBe(cms);
    expect(stack.process('storefront')!.pid).toBe(storefront);
    expect(alive(cms) && alive(storefront)).toBe(true);
    expect(lines.join('\n')).toMatch(/chat-server crashed \(SIGKILL\): restarting it/);
    expect(lines.join('\n')).toMatch(/chat-server is running again/);
  });

  it('leaves a service stopped with SIGTERM stopped until it is started again', async () => {
    stack = supervise([service('cms'), service('storefront')], options);
    await Promise.all(['cms', 'storefront'].map((name) => stack!.whenSettled(name)));
    const first = stack.process('cms')!.pid;
    const gone = exited(stack, 'cms');
    stack.process('cms')!.kill('SIGTERM');
    await gone;
    expect(await stack.whenSettled('cms')).toBe('given-up');
    expect(stack.process('cms')).toBeUndefined();
    expect(lines.join('\n')).toMatch(/cms stopped \(SIGTERM\)/);

    stack.restart('cms');
    expect(await stack.whenSettled('cms')).toBe('ready');
    expect(stack.process('cms')!.pid).not.toBe(first);
    expect(alive(stack.process('cms')!.pid)).toBe(true);
    expect(alive(stack.process('storefront')!.pid)).toBe(true);
  });

  it('gives up on a service that keeps crashing, says so, and leaves the others running', async () => {
    stack = supervise([service('cms'), service('chat-server', true)], { ...options, maxCrashes: 3 });
    expect(await stack.whenSettled('chat-server')).toBe('given-up');
    expect(lines.filter((line) => line.includes('chat-server crashed (exit 3): restarting'))).toHaveLength(2);
    expect(lines.at(-1)).toMatch(/chat-server crashed 3 times within 60 s: giving up on it/);
    expect(await stack.whenSettled('cms')).toBe('ready');
    expect(alive(stack.process('cms')!.pid)).toBe(true);
  });

  it('announces the stack once every service is ready, and stops them all together', async () => {
    let announced = 0;
    stack = supervise([service('cms'), service('storefront')], { ...options, onAllReady: () => (announced += 1) });
    await Promise.all(['cms', 'storefront'].map((name) => stack!.whenSettled(name)));
    expect(announced).toBe(1);
    const pids = ['cms', 'storefront'].map((name) => stack!.process(name)!.pid);
    await stack.stop('SIGINT');
    expect(pids.map(alive)).toEqual([false, false]);
    expect(lines.join('\n')).not.toMatch(/restarting/);
  });

  it('starts a replica only once the one it follows is ready, and not at all when that one never starts', async () => {
    stack = supervise([service('cms-1'), { ...service('cms-2'), after: 'cms-1' }, service('broken', true), { ...service('follower'), after: 'broken' }], { ...options, maxCrashes: 2, crashWindowMs: 60_000 });
    expect(stack.process('cms-2')).toBeUndefined();
    expect(await stack.whenSettled('cms-1')).toBe('ready');
    expect(await stack.whenSettled('cms-2')).toBe('ready');
    expect(alive(stack.process('cms-2')!.pid)).toBe(true);
    expect(await stack.whenSettled('broken')).toBe('given-up');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stack.process('follower')).toBeUndefined();
    expect(lines.join('\n')).toContain('follower is not started: broken did not start');
  });
});
