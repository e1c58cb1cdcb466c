import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReceivedRequest } from './receiver';

/** How the receiver misbehaves; each is served on its own path (`/hang`, `/reset`…). */
export type ReceiverFault = 'ok' | 'hang' | 'reset' | 'redirect' | 'redirect-loopback' | 'huge-body' | 'slow-body';

export const HUGE_BODY_BYTES = 100 * 1024 * 1024;
/** A private address no test ever contacts: the redirect's target, never to be followed. */
export const PRIVATE_REDIRECT_TARGET = 'http://10.0.0.1/';

const CHUNK = Buffer.alloc(64 * 1024, 'x');

/**
 * A real HTTP receiver on 127.0.0.1 that records every request, like TestReceiver, and answers
 * it with the fault its path names: never, with a TCP reset, a 302 to a private address, a
 * 100 MB streamed body, or a body dribbled out one byte at a time.
 */
export class FaultyReceiver {
  readonly requests: ReceivedRequest[] = [];
  /** Per huge-body response: how many bytes were written before the client went away. */
  readonly hugeBodyBytesSent: number[] = [];
  private server?: Server;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = req.url ?? '/';
        this.requests.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), receivedAt: Date.now() });
        void this.answer(path.slice(1) as ReceiverFault, req, res);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  url(fault: ReceiverFault): string {
    return `${this.origin()}/${fault}`;
  }

  /** Requests received on `fault`'s path, or on the loopback redirect's target (`redirected`). */
  received(fault: ReceiverFault | 'redirected'): ReceivedRequest[] {
    return this.requests.filter((r) => r.path === `/${fault}`);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private origin(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  private async answer(fault: ReceiverFault, req: IncomingMessage, res: ServerResponse): Promise<void> {
    switch (fault) {
      case 'hang':
        return; // Never answers; stop() closes the connection.
      case 'reset':
        req.socket.resetAndDestroy();
        return;
      case 'redirect':
        res.writeHead(302, { location: PRIVATE_REDIRECT_TARGET }).end();
        return;
      case 'redirect-loopback':
        // A target the worker could reach: if redirects were followed, it would show up here.
        res.writeHead(302, { location: `${this.origin()}/redirected` }).end();
        return;
      case 'huge-body':
        return this.streamHugeBody(res);
      case 'slow-body':
        return this.dribble(res);
      default:
        res.writeHead(fault === 'ok' ? 200 : 404).end('ok');
    }
  }

  /** A 500 whose 100 MB body is written as fast as the client reads it, until it hangs up. */
  private async streamHugeBody(res: ServerResponse): Promise<void> {
    res.writeHead(500, { 'content-type': 'text/plain', 'content-length': String(HUGE_BODY_BYTES) });
    let sent = 0;
    let closed = false;
    res.once('close', () => (closed = true));
    while (sent < HUGE_BODY_BYTES && !closed) {
      const more = res.write(CHUNK);
      sent += CHUNK.length;
      if (!more) await drainedOrClosed(res);
    }
    this.hugeBodyBytesSent.push(sent);
    if (!closed) res.end();
  }

  /** A 200 whose headers come at once and whose 1 000-byte body comes one byte every 100 ms. */
  private dribble(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '1000' });
    res.flushHeaders();
    let sent = 0;
    const timer = setInterval(() => {
      res.write('.');
      sent += 1;
      if (sent === 1000) {
        clearInterval(timer);
        res.end();
      }
    }, 100);
    res.once('close', () => clearInterval(timer));
  }
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
