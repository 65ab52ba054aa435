import { mkdir, rename, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/**
 * The embedded default for mail: a real SMTP server on the loopback interface that
 * writes every message it receives to a folder as an .eml file. The cms sends through
 * it exactly as it sends through the production mail server.
 */
export async function startOutboxSmtpServer(dir: string): Promise<{ port: number; close: () => Promise<void> }> {
  await mkdir(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    banner: 'Ventalis local outbox',
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`);
        // Written aside, then renamed: whoever reads the outbox never finds a mail half written.
        const partial = `${file}.part`;
        writeFile(partial, Buffer.concat(chunks))
          .then(() => rename(partial, file))
          .then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
