import { existsSync } from 'node:fs';
import path from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { InvoiceSnapshot } from '@ventalis/contracts';
import { renderFacturX } from './facturx';

/**
 * Factur-X PDFs are made on a thread of their own. Drawing one with pdf-lib is 10–20 ms of
 * synchronous work: on the cms' main thread it would hold every request behind it (the bench
 * measured payments twice as slow at p95 while invoices were being made). One thread, started
 * when the first PDF is asked for, makes them one after the other; it does not keep the
 * process alive, and a thread that dies is replaced at the next PDF.
 *
 * This file is both sides: imported, it sends work; run as the thread (from the compiled
 * cms), it does it.
 */

interface Job {
  id: number;
  snapshot: InvoiceSnapshot;
  issuedAt: string;
}
type Answer = { id: number; bytes: Uint8Array } | { id: number; error: string };

/** Marks the thread this module starts, so that only it takes work (a cms run inside some other thread does not). */
const MARK = 'ventalis-pdf-thread';

if (parentPort && workerData === MARK) {
  const port = parentPort;
  port.on('message', (job: Job) => {
    renderFacturX(job.snapshot, { issuedAt: new Date(job.issuedAt) }).then(
      (bytes) => port.postMessage({ id: job.id, bytes } satisfies Answer, [bytes.buffer as ArrayBuffer]),
      (error: unknown) => port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies Answer),
    );
  });
}

let thread: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();

/** The compiled thread script; null when running from the TypeScript sources (unit tests), where PDFs are made in place. */
function threadScript(): string | null {
  const compiled = path.join(__dirname, 'render-thread.js');
  return existsSync(compiled) ? compiled : null;
}

function startThread(script: string): Worker {
  const started = new Worker(script, { workerData: MARK });
  started.unref();
  started.on('message', (answer: Answer) => {
    const job = waiting.get(answer.id);
    if (!job) return;
    waiting.delete(answer.id);
    if ('error' in answer) job.reject(new Error(answer.error));
    else job.resolve(answer.bytes);
  });
  const fail = (error: Error) => {
    if (thread === started) thread = undefined;
    for (const job of waiting.values()) job.reject(error);
    waiting.clear();
  };
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`The PDF thread stopped (exit code ${code})`)));
  return started;
}

/** The Factur-X PDF of an issued document, made off the main thread. */
export function renderOffThread(snapshot: InvoiceSnapshot, issuedAt: Date): Promise<Uint8Array> {
  const script = threadScript();
  if (!script) return renderFacturX(snapshot, { issuedAt });
  thread ??= startThread(script);
  const id = (nextId += 1);
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    thread!.postMessage({ id, snapshot, issuedAt: issuedAt.toISOString() } satisfies Job);
  });
}

/** Stops the thread (the cms is shutting down); PDFs still being made are left to the sweep. */
export async function stopRenderThread(): Promise<void> {
  const stopping = thread;
  thread = undefined;
  await stopping?.terminate();
}
