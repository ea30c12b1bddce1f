import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedCall = { headers: IncomingHttpHeaders; body: string };

/**
 * A real HTTP gateway for the tests (SMS, Zalo, national portal): answers each call with the next status of `answers`
 * (the last one repeats) and keeps every call it received.
 */
export async function startTestGateway(answers: number[] = [200]): Promise<{
  url: string;
  calls: ReceivedCall[];
  answer(next: number[]): void;
  close(): Promise<void>;
}> {
  let queue = [...answers];
  const calls: ReceivedCall[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      calls.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = queue.length > 1 ? queue.shift()! : (queue[0] ?? 200);
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ echo: 'recipient data the outbox must not keep' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    calls,
    answer(next) {
      queue = [...next];
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A logger that keeps its lines, to check what reaches the log. */
export function createMemoryLog() {
  const lines: { level: string; data: object; message: string }[] = [];
  const write = (level: string) => (data: object, message: string) => void lines.push({ level, data, message });
  return { lines, info: write('info'), warn: write('warn'), error: write('error') };
}
