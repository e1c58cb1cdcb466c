import { RESPONSE_HEADERS_LIMIT, recordedHeaders, type RecordedHeaders } from './recorded-headers';

const read = (json: string): RecordedHeaders => JSON.parse(json);

describe('recordedHeaders', () => {
  it('masks the signature, authorization and the named secret headers, and keeps the rest as sent', () => {
    const recorded = read(
      recordedHeaders(
        {
          'content-type': 'application/json',
          'webhook-signature': 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
          'X-Shop-Signature': 'abc',
          Authorization: 'Bearer 0123456789abcdef',
          'X-Custom-Sig': 'custom-signature-value',
          'X-Api-Key': 'short',
        },
        new Set(['x-custom-sig', 'x-api-key']),
        undefined,
      ),
    );
    expect(recorded).toEqual({
      request: {
        'content-type': 'application/json',
        'webhook-signature': '••••pI4=',
        'X-Shop-Signature': '••••',
        Authorization: '••••cdef',
        'X-Custom-Sig': '••••alue',
        'X-Api-Key': '••••',
      },
      response: null,
    });
  });

  it("leaves the subscription's own headers out, names and all, and counts them", () => {
    const recorded = read(
      recordedHeaders({ 'content-type': 'application/json', 'X-Partner-Credential': 'p4rtn3r-v4lu3', 'X-Region': 'eu' }, new Set(), undefined, new Set(['x-partner-credential', 'x-region'])),
    );
    expect(recorded).toEqual({ request: { 'content-type': 'application/json' }, response: null, ownHeaders: 2 });
  });

  it('masks by name what looks like a credential, whoever set it', () => {
    const recorded = read(recordedHeaders({ 'X-Partner-Token': 't', 'X-Client-Secret': 's', 'X-ApiKey': 'k', 'X-Api-Key': 'k', 'X-Trace': 'keep' }, new Set(), { 'x-csrf-token': 'c', 'x-request-id': 'r' }));
    expect(recorded.request).toEqual({ 'X-Partner-Token': '••••', 'X-Client-Secret': '••••', 'X-ApiKey': '••••', 'X-Api-Key': '••••', 'X-Trace': 'keep' });
    expect(recorded.response).toEqual({ 'x-csrf-token': '••••', 'x-request-id': 'r' });
  });

  it('keeps response headers with cookies masked, joining repeated ones', () => {
    const recorded = read(recordedHeaders({}, new Set(), { 'set-cookie': ['a=1', 'b=2'], vary: ['accept', 'origin'], 'content-length': 2, gone: undefined }));
    expect(recorded.response).toEqual({ 'set-cookie': '••••', vary: 'accept, origin', 'content-length': '2' });
    expect(recorded.responseTruncated).toBeUndefined();
  });

  it('stops at the cap and says it did', () => {
    const half = 'x'.repeat(RESPONSE_HEADERS_LIMIT / 2);
    const recorded = read(recordedHeaders({}, new Set(), { a: half, b: half, c: 'small' }));
    expect(Object.keys(recorded.response!)).toEqual(['a']);
    expect(recorded.responseTruncated).toBe(true);
  });
});
