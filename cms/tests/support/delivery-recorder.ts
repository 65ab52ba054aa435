import { createServer } from 'node:http';

export interface Delivery {
  authorization?: string;
  body: { message: { id: number; body: string; sender: { kind: string; id: number } | null }; recipients: { kind: string; id: number }[] };
}

/** A stand-in for the chat-server's delivery endpoint: records what the cms hands over for live delivery. */
export async function startDeliveryRecorder() {
  const deliveries: Delivery[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      deliveries.push({ authorization: request.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    deliveries,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
