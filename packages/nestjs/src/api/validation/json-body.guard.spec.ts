import type { ExecutionContext } from '@nestjs/common';
import { JsonBodyGuard } from './json-body.guard';

function contextFor(method: string, headers: Record<string, string>, body?: unknown): ExecutionContext {
  return { switchToHttp: () => ({ getRequest: () => ({ method, headers, body }) }) } as unknown as ExecutionContext;
}

describe('JsonBodyGuard', () => {
  const guard = new JsonBodyGuard();

  it.each([
    ['GET', { 'content-type': 'text/plain', 'content-length': '3' }, undefined],
    ['POST', {}, undefined],
    ['POST', { 'content-type': 'application/json', 'content-length': '2' }, {}],
    ['PATCH', { 'content-type': 'application/merge-patch+json', 'content-length': '2' }, {}],
    ['POST', { 'content-type': 'application/vnd.api+json; charset=utf-8', 'transfer-encoding': 'chunked' }, {}],
  ])('lets %s %j through', (method, headers, body) => {
    expect(guard.canActivate(contextFor(method, headers, body))).toBe(true);
  });

  it.each([
    ['POST', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '5' }, { a: '1' }],
    ['POST', { 'content-type': 'text/plain' }, undefined],
    ['DELETE', { 'content-length': '3' }, undefined],
    ['PATCH', { 'content-type': 'application/jsonp', 'content-length': '2' }, undefined],
    ['PATCH', { 'content-type': 'application/merge-patch+json', 'content-length': '2' }, undefined],
  ])('refuses %s %j with 415', (method, headers, body) => {
    expect(() => guard.canActivate(contextFor(method, headers, body))).toThrow(expect.objectContaining({ code: 'HOOKLINE_UNSUPPORTED_MEDIA_TYPE' }));
  });
});
