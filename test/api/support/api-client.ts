import type { Server } from 'node:http';
import request, { type Response } from 'supertest';

export interface RecordedResponse {
  method: string;
  path: string;
  status: number;
  text: string;
  headers: Record<string, string>;
}

/** supertest against the API with one caller's key, recording every response for later searches. */
export class ApiClient {
  constructor(
    private readonly server: Server,
    readonly key?: string,
    readonly prefix = '/v1',
    readonly responses: RecordedResponse[] = [],
    private readonly headers: Record<string, string> = {},
  ) {}

  as(key: string | undefined): ApiClient {
    return new ApiClient(this.server, key, this.prefix, this.responses, this.headers);
  }

  /** The same client sending these headers too (a host's own authentication). */
  withHeaders(headers: Record<string, string>): ApiClient {
    return new ApiClient(this.server, this.key, this.prefix, this.responses, { ...this.headers, ...headers });
  }

  get(path: string): Promise<Response> {
    return this.call('get', path);
  }

  post(path: string, body?: unknown): Promise<Response> {
    return this.call('post', path, body);
  }

  patch(path: string, body?: unknown): Promise<Response> {
    return this.call('patch', path, body);
  }

  delete(path: string): Promise<Response> {
    return this.call('delete', path);
  }

  /** A raw body with a content type, for invalid JSON and oversized payloads. */
  async raw(method: 'post' | 'patch', path: string, body: string, contentType = 'application/json'): Promise<Response> {
    const req = request(this.server)[method](`${this.prefix}${path}`).set(this.headers).set('Content-Type', contentType);
    if (this.key) req.set('Authorization', this.key);
    return this.record(method, path, await req.send(body));
  }

  private async call(method: 'get' | 'post' | 'patch' | 'delete', path: string, body?: unknown): Promise<Response> {
    const req = request(this.server)[method](`${this.prefix}${path}`).set(this.headers);
    if (this.key) req.set('Authorization', this.key);
    return this.record(method, path, await (body === undefined ? req : req.send(body as object)));
  }

  private record(method: string, path: string, response: Response): Response {
    this.responses.push({ method, path, status: response.status, text: response.text ?? '', headers: response.headers as Record<string, string> });
    return response;
  }
}

/** The error codes and source pointers of an error document, for compact assertions. */
export function errorsOf(response: Response): { code: string; at?: string }[] {
  return (response.body.errors ?? []).map((e: { code: string; source?: { pointer?: string; parameter?: string } }) => ({
    code: e.code,
    ...(e.source ? { at: e.source.pointer ?? e.source.parameter } : {}),
  }));
}
