import { withSubscriptionHeaders } from './with-subscription-headers';

describe('withSubscriptionHeaders', () => {
  const request = { url: 'https://example.com/hook', body: '{}', headers: { 'content-type': 'application/json', 'webhook-signature': 'v1,abc' } };

  it('adds the subscription headers and leaves the request it was given as it was', () => {
    const sent = withSubscriptionHeaders(request, { 'X-Api-Key': 'k1', Authorization: 'Bearer t' });
    expect(sent.headers).toEqual({ 'X-Api-Key': 'k1', Authorization: 'Bearer t', 'content-type': 'application/json', 'webhook-signature': 'v1,abc' });
    expect(request.headers).toEqual({ 'content-type': 'application/json', 'webhook-signature': 'v1,abc' });
  });

  it('never replaces a built header, whatever the case of the name', () => {
    const sent = withSubscriptionHeaders(request, { 'Content-Type': 'text/plain', 'WEBHOOK-SIGNATURE': 'forged', 'X-Ok': '1' });
    expect(sent.headers).toEqual({ 'X-Ok': '1', 'content-type': 'application/json', 'webhook-signature': 'v1,abc' });
  });
});
