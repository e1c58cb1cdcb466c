import { Readable } from 'node:stream';
import { readCappedBody } from './read-capped-body';

describe('readCappedBody', () => {
  const signal = new AbortController().signal;

  it('keeps a body shorter than the cap whole', async () => {
    await expect(readCappedBody(Readable.from([Buffer.from('{"ok":'), Buffer.from('true}')]), 64, signal)).resolves.toEqual({
      excerpt: '{"ok":true}',
      truncated: false,
    });
  });

  it('keeps a body of exactly the cap whole', async () => {
    await expect(readCappedBody(Readable.from([Buffer.from('abcd')]), 4, signal)).resolves.toEqual({ excerpt: 'abcd', truncated: false });
  });

  it('stops at the cap and destroys the rest of the stream unread', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 1024;
        this.push(Buffer.alloc(1024, 'x'));
      },
    });
    const body = await readCappedBody(endless, 4000, signal);
    expect(body).toEqual({ excerpt: 'x'.repeat(4000), truncated: true });
    expect(endless.destroyed).toBe(true);
    expect(produced).toBeLessThan(64 * 1024);
  });

  it('drops a multi-byte character the cap cuts in half rather than mangling it', async () => {
    const body = await readCappedBody(Readable.from([Buffer.from('héllo')]), 2, signal);
    expect(body).toEqual({ excerpt: 'h', truncated: true });
  });

  it('gives up when the signal aborts mid-body', async () => {
    const controller = new AbortController();
    const stalled = new Readable({ read() {} });
    const reading = readCappedBody(stalled, 64, controller.signal);
    controller.abort(new Error('too slow'));
    await expect(reading).rejects.toThrow('too slow');
    expect(stalled.destroyed).toBe(true);
  });
});
