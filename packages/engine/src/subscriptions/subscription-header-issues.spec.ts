import { builtHeaderNames, resolveProfile } from '@hookline/core';
import { subscriptionHeaderIssues } from './subscription-header-issues';

const standard = builtHeaderNames(resolveProfile('standard'));
const mage = builtHeaderNames(resolveProfile('mage'));
const pointers = (headers: unknown, built = standard) => subscriptionHeaderIssues(headers, built).map((issue) => issue.pointer);

describe('subscriptionHeaderIssues', () => {
  it('accepts credentials, tokens and tabs', () => {
    expect(subscriptionHeaderIssues({ 'X-Api-Key': 'k_123', Authorization: 'Bearer abc.def', 'x-tenant~id': 'a\tb', "!#$%&'*+-.^_`|~": 'v' }, standard)).toEqual([]);
    expect(subscriptionHeaderIssues(null, standard)).toEqual([]);
    expect(subscriptionHeaderIssues({}, standard)).toEqual([]);
  });

  it.each([
    ['a space', 'X Api'],
    ['a colon', 'X-Api:'],
    ['a line break', 'X-Api\r\nX-Evil'],
    ['a slash', 'X/Api'],
    ['nothing at all', ''],
    ['a non-ASCII letter', 'X-Clé'],
  ])('refuses a name with %s', (_case, name) => {
    const issues = subscriptionHeaderIssues({ [name]: 'v' }, standard);
    expect(issues).toEqual([{ pointer: `/headers/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, detail: expect.stringContaining('token') }]);
  });

  it.each(['Connection', 'keep-alive', 'TE', 'Trailer', 'Transfer-Encoding', 'Upgrade', 'Host', 'Content-Length', 'Expect', 'Proxy-Authorization', 'proxy-connection'])(
    'refuses the hop-by-hop or framing header %s',
    (name) => {
      expect(subscriptionHeaderIssues({ [name]: 'v' }, standard)).toEqual([{ pointer: `/headers/${name}`, detail: expect.stringContaining('connection') }]);
    },
  );

  it.each(['webhook-signature', 'Webhook-Id', 'WEBHOOK-TIMESTAMP', 'Content-Type', 'User-Agent'])('refuses %s, which the standard profile sets', (name) => {
    expect(subscriptionHeaderIssues({ [name]: 'v' }, standard)).toEqual([{ pointer: `/headers/${name}`, detail: expect.stringContaining('cannot be replaced') }]);
  });

  it("judges names by the subscription's profile", () => {
    expect(pointers({ 'X-Webhook-Signature': 'v', 'x-webhook-event': 'v', 'Webhook-Signature': 'v' }, mage)).toEqual(['/headers/X-Webhook-Signature', '/headers/x-webhook-event']);
    expect(pointers({ 'X-Webhook-Signature': 'v' }, standard)).toEqual([]);
    expect(subscriptionHeaderIssues({ 'Webhook-Signature': 'v' })).toEqual([]);
  });

  it.each([
    ['CR', 'a\rb'],
    ['LF', 'a\nb'],
    ['CRLF and a header after it', 'a\r\nX-Evil: 1'],
    ['NUL', 'a\u0000b'],
    ['a bell', 'a\u0007b'],
    ['DEL', 'a\u007fb'],
    ['a non-ASCII character', 'clé'],
    ['nothing', ''],
  ])('refuses a value holding %s, naming the header and not the value', (_case, value) => {
    const issues = subscriptionHeaderIssues({ 'X-Api-Key': value }, standard);
    expect(issues).toEqual([{ pointer: '/headers/X-Api-Key', detail: expect.stringContaining('The value of X-Api-Key') }]);
    if (value.length > 1) expect(issues[0].detail).not.toContain(value);
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['an array', ['a']],
  ])('refuses a value that is %s', (_case, value) => {
    expect(pointers({ 'X-Api-Key': value })).toEqual(['/headers/X-Api-Key']);
  });

  it('refuses a name given twice in different cases', () => {
    expect(pointers({ 'X-Api-Key': 'a', 'x-api-key': 'b' })).toEqual(['/headers/x-api-key']);
  });

  it.each([
    ['an array', ['X-Api-Key: k']],
    ['a string', 'X-Api-Key: k'],
    ['a number', 1],
  ])('refuses headers that are %s', (_case, headers) => {
    expect(pointers(headers)).toEqual(['/headers']);
  });

  it('allows 20 headers and 4096 bytes, and no more', () => {
    const many = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`X-H${i}`, 'v']));
    expect(pointers(many(20))).toEqual([]);
    expect(subscriptionHeaderIssues(many(21), standard)).toEqual([{ pointer: '/headers', detail: expect.stringContaining('at most 20 headers') }]);
    expect(pointers({ 'X-Big': 'v'.repeat(4096 - 5) })).toEqual([]);
    expect(subscriptionHeaderIssues({ 'X-Big': 'v'.repeat(4096 - 4) }, standard)).toEqual([{ pointer: '/headers', detail: expect.stringContaining('4096 bytes') }]);
  });

  it('lists every bad header of one map', () => {
    expect(pointers({ Host: 'h', 'X-Ok': 'fine', 'X-Bad': 'a\nb', 'webhook-id': 'x' })).toEqual(['/headers/Host', '/headers/X-Bad', '/headers/webhook-id']);
  });
});
