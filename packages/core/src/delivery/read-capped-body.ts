import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

export interface CappedBody {
  /** UTF-8 text of at most `maxBytes` bytes; a character cut by the cap is dropped, not mangled. */
  excerpt: string;
  truncated: boolean;
}

/**
 * Reads at most `maxBytes` of a response and destroys the stream after that, so a receiver
 * answering with 100 MB costs 64 KiB of memory and no more time than reading 64 KiB.
 * Aborting `signal` destroys the stream: the attempt's timeout covers the body too.
 */
export async function readCappedBody(body: Readable, maxBytes: number, signal: AbortSignal): Promise<CappedBody> {
  signal.throwIfAborted();
  const abort = (): void => void body.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
  signal.addEventListener('abort', abort, { once: true });
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  try {
    // Leaving the loop early destroys the stream, which is what drops the rest of the body.
    for await (const chunk of body) {
      const bytes: Buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (size + bytes.length > maxBytes) {
        chunks.push(bytes.subarray(0, maxBytes - size));
        truncated = true;
        break;
      }
      chunks.push(bytes);
      size += bytes.length;
    }
  } finally {
    signal.removeEventListener('abort', abort);
  }
  return cappedText(chunks, truncated);
}

/** The kept chunks as UTF-8 text; when `truncated`, a character the cap cut is dropped, not mangled. */
export function cappedText(chunks: Buffer[], truncated: boolean): CappedBody {
  const decoder = new StringDecoder('utf8');
  const text = decoder.write(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
  return { excerpt: truncated ? text : text + decoder.end(), truncated };
}
