import { tooDeepAt } from './json-depth';

const nested = (depth: number): unknown => (depth === 0 ? 'x' : [nested(depth - 1)]);

describe('tooDeepAt', () => {
  it('accepts bodies as deep as the cap', () => {
    expect(tooDeepAt({ events: nested(15) })).toBeUndefined();
    expect(tooDeepAt({ url: 'https://example.com', events: ['*'] })).toBeUndefined();
  });

  it('points at the first container past the cap, escaping keys', () => {
    expect(tooDeepAt({ events: nested(16) })).toBe(`/events${'/0'.repeat(15)}`);
    expect(tooDeepAt({ 'a/b': { '~': { c: [] } } }, 2)).toBe('/a~1b/~0');
  });

  it('stops at the cap however deep the value goes', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(tooDeepAt({ since: deep })).toMatch(/^\/since(\/0){15}$/);
  });
});
