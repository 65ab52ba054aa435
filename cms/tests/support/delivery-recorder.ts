import { createServer } from 'node:http';

export interface Delivery {
  authorization?: string;
  body: { message: { id: number; body: string; sender: { kind: string; id: number } | null }; recipients: { kind: string; id: number }[] };
}

/** Any other notice the cms sends the chat-server (ended sessions, conversations changing hands). */
export interface Notice {
  path: string;
  body: Record<string, unknown>;
}

/**
 * A stand-in for the chat-server's internal routes: records the messages the cms hands over
 * for live delivery (`deliveries`) and its other notices (`notices`).
 */
export async function startDeliveryRecorder() {
  const deliveries: Delivery[] = [];
  const notices: Notice[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (request.url === '/internal/deliver') deliveries.push({ authorization: request.headers.authorization, body });
      else notices.push({ path: request.url ?? '', body });
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    deliveries,
    notices,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
