import { HooklineError } from '../errors';
import { EventCatalog } from './event-catalog';
import { EventCatalogConfigError } from './event-catalog-config-error';
import { EventDataValidationError } from './event-data-validation-error';
import type { EventTypeDefinition } from './event-type-definition';
import { EventTypeNotFoundError } from './event-type-not-found-error';
import { UnknownEventTypeError } from './unknown-event-type-error';

const pointsEarned: EventTypeDefinition = {
  name: 'points.earned',
  description: 'Points were awarded.',
  schema: {
    type: 'object',
    required: ['customer_id', 'amount'],
    properties: { customer_id: { type: 'string' }, amount: { type: 'integer', minimum: 1 } },
  },
  example: { customer_id: 'cust_1', amount: 10 },
};

function catalog(): EventCatalog {
  return new EventCatalog([
    pointsEarned,
    { name: 'points.redeemed', description: 'Points were spent.' },
    { name: 'customer.tier_upgrade', description: 'A customer moved up a tier.' },
    { name: 'test', description: 'A test delivery.' },
  ]);
}

function caught(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('EventCatalog.register', () => {
  it.each(['points.earned', 'customer.tier_upgrade', 'rewards.points_awarded', 'test', 'a1.b_2.c'])(
    'accepts the name %p',
    (name) => {
      expect(new EventCatalog().register({ name, description: 'x' }).has(name)).toBe(true);
    },
  );

  it.each(['', 'Points.earned', 'points..earned', '.points', 'points.', 'points-earned', 'points.*', '*', 'points earned'])(
    'rejects the name %p with HOOKLINE_INVALID_EVENT_CATALOG',
    (name) => {
      const error = caught(() => new EventCatalog().register({ name, description: 'x' }));
      expect(error).toBeInstanceOf(EventCatalogConfigError);
      expect(error).toBeInstanceOf(HooklineError);
      expect(error).toMatchObject({ code: 'HOOKLINE_INVALID_EVENT_CATALOG', pointer: '/name' });
    },
  );

  it('rejects a duplicate name', () => {
    expect(() => catalog().register({ name: 'test', description: 'again' })).toThrow(/already registered/);
  });

  it('rejects a missing description', () => {
    expect(caught(() => new EventCatalog().register({ name: 'x', description: ' ' }))).toMatchObject({
      pointer: '/description',
    });
  });

  it('rejects a schema that does not compile, or has a typo in a keyword', () => {
    const broken = { name: 'x', description: 'x', schema: { type: 'object', properties: { a: { type: 'nope' } } } };
    const typo = { name: 'y', description: 'y', schema: { type: 'object', requried: ['a'] } };
    expect(caught(() => new EventCatalog().register(broken))).toMatchObject({
      code: 'HOOKLINE_INVALID_EVENT_CATALOG',
      pointer: '/schema',
    });
    expect(() => new EventCatalog().register(typo)).toThrow(/does not compile.*requried/);
  });

  it('rejects a schema for something other than an object', () => {
    const error = caught(() => new EventCatalog().register({ name: 'x', description: 'x', schema: { type: 'array' } }));
    expect(error).toMatchObject({ code: 'HOOKLINE_INVALID_EVENT_CATALOG', pointer: '/schema/type' });
  });

  it('rejects an example that fails its own schema, and allows fixing it', () => {
    const schema = { $id: 'https://example.com/x.json', type: 'object', required: ['amount'], properties: { amount: { type: 'integer' } } };
    const events = new EventCatalog();
    const error = caught(() => events.register({ name: 'x', description: 'x', schema, example: { amount: 'ten' } }));
    expect(error).toBeInstanceOf(EventCatalogConfigError);
    expect(error).toMatchObject({ pointer: '/example/amount' });
    expect(events.has('x')).toBe(false);
    expect(() => events.register({ name: 'x', description: 'x', schema, example: { amount: 10 } })).not.toThrow();
  });

  it('rejects an example that is not a JSON object even without a schema', () => {
    expect(() => new EventCatalog().register({ name: 'x', description: 'x', example: [1] })).toThrow(/example/);
  });

  it('keeps its own copy, so later edits to the definition change nothing', () => {
    const definition: EventTypeDefinition = { name: 'x', description: 'original' };
    const events = new EventCatalog([definition]);
    definition.description = 'edited';
    expect(events.get('x')?.description).toBe('original');
  });
});

describe('EventCatalog lookups', () => {
  it('lists definitions sorted by name', () => {
    expect(catalog().list().map((definition) => definition.name)).toEqual([
      'customer.tier_upgrade',
      'points.earned',
      'points.redeemed',
      'test',
    ]);
  });

  it('finds registered types and not others', () => {
    expect(catalog().has('points.earned')).toBe(true);
    expect(catalog().get('points.earned')?.description).toBe('Points were awarded.');
    expect(catalog().get('points.lost')).toBeUndefined();
  });

  it('looks a type up by name, or throws EventTypeNotFoundError naming close matches', () => {
    const registered = catalog();
    expect(registered.lookup('points.earned')).toBe(registered.get('points.earned'));
    const error = caught(() => catalog().lookup('points.earnd'));
    expect(error).toBeInstanceOf(EventTypeNotFoundError);
    expect(error).toMatchObject({ code: 'HOOKLINE_EVENT_TYPE_NOT_FOUND', pointer: '/name', suggestions: ['points.earned'] });
    expect((error as Error).message).toMatch(/^No event type "points.earnd" is registered. Did you mean "points.earned"\?/);
    expect(caught(() => catalog().lookup('x'.repeat(5_000)))).toMatchObject({ suggestions: [] });
  });
});

describe('EventCatalog.assertPublishable', () => {
  it('accepts valid data, and any JSON object for a schema-less type', () => {
    expect(() => catalog().assertPublishable('points.earned', { customer_id: 'c', amount: 5, extra: [1] })).not.toThrow();
    expect(() => catalog().assertPublishable('test', { anything: { nested: null } })).not.toThrow();
  });

  it('rejects an unknown type, suggesting the close match', () => {
    const error = caught(() => catalog().assertPublishable('points.earnd', {}));
    expect(error).toBeInstanceOf(UnknownEventTypeError);
    expect(error).toMatchObject({
      code: 'HOOKLINE_UNKNOWN_EVENT_TYPE',
      pointer: '/type',
      suggestions: ['points.earned'],
    });
    expect((error as Error).message).toMatch(/Did you mean "points.earned"\?/);
  });

  it('tells how to register a type with no close match', () => {
    expect(() => catalog().assertPublishable('order.shipped', {})).toThrow(/register it in the event catalog/);
  });

  it('points at /data/amount when amount has the wrong type', () => {
    const error = caught(() => catalog().assertPublishable('points.earned', { customer_id: 'c', amount: 'ten' }));
    expect(error).toBeInstanceOf(EventDataValidationError);
    expect(error).toMatchObject({ code: 'HOOKLINE_INVALID_EVENT_DATA', pointer: '/data/amount' });
    expect((error as Error).message).toContain('/data/amount must be integer');
  });

  it('points at /data/amount when amount is missing', () => {
    const error = caught(() => catalog().assertPublishable('points.earned', { customer_id: 'c' }));
    expect(error).toMatchObject({ pointer: '/data/amount' });
    expect((error as Error).message).toContain('/data/amount is required');
  });

  it('reports every failure, not just the first', () => {
    const error = caught(() => catalog().assertPublishable('points.earned', { customer_id: 42, amount: 0 }));
    expect((error as EventDataValidationError).issues).toEqual(
      expect.arrayContaining([
        { pointer: '/data/customer_id', message: 'must be string' },
        { pointer: '/data/amount', message: 'must be >= 1' },
      ]),
    );
    expect((error as EventDataValidationError).issues).toHaveLength(2);
  });

  it.each([
    ['an array', [], /must be a JSON object, got an array/],
    ['a string', 'hello', /got a string/],
    ['null', null, /got null/],
    ['undefined', undefined, /got a undefined/],
    ['a class instance', new Map(), /got a Map instance/],
  ])('rejects %s as data', (_label, data, message) => {
    const error = caught(() => catalog().assertPublishable('test', data));
    expect(error).toBeInstanceOf(EventDataValidationError);
    expect(error).toMatchObject({ pointer: '/data', message: expect.stringMatching(message) });
  });

  it('rejects values JSON cannot carry, pointing at each', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const data = { fn: () => 1, big: 1n, missing: undefined, nan: NaN, when: new Date(0), list: [Symbol('s')], circular };
    const error = caught(() => catalog().assertPublishable('test', data)) as EventDataValidationError;
    expect(error.issues.map((issue) => issue.pointer)).toEqual([
      '/data/fn',
      '/data/big',
      '/data/missing',
      '/data/nan',
      '/data/when',
      '/data/list/0',
      '/data/circular/self',
    ]);
  });

  it('allows the same object twice when it is not circular', () => {
    const shared = { id: 'x' };
    expect(() => catalog().assertPublishable('test', { a: shared, b: shared })).not.toThrow();
  });

  it('escapes pointer segments', () => {
    const error = caught(() => catalog().assertPublishable('test', { 'a/b~c': undefined }));
    expect(error).toMatchObject({ pointer: '/data/a~1b~0c' });
  });
});

describe('EventCatalog.validateFilter', () => {
  it.each(['*', 'points.*', 'customer.*', 'points.earned', 'test'])('accepts %p', (pattern) => {
    expect(() => catalog().validateFilter(pattern)).not.toThrow();
  });

  it('rejects a prefix that selects nothing, suggesting a close one', () => {
    const error = caught(() => catalog().validateFilter('point.*', '/filters/1'));
    expect(error).toBeInstanceOf(UnknownEventTypeError);
    expect(error).toMatchObject({ pointer: '/filters/1', suggestions: ['points.*'] });
    expect(() => catalog().validateFilter('nope.*')).toThrow(/matches no registered event type/);
  });

  it('rejects an unregistered exact name with a pointer', () => {
    expect(caught(() => catalog().validateFilter('points.nope'))).toMatchObject({
      code: 'HOOKLINE_UNKNOWN_EVENT_TYPE',
      pointer: '/filter',
    });
  });

  it.each(['*.earned', 'points*', '', 'Points.*'])('rejects the malformed filter %p', (pattern) => {
    expect(() => catalog().validateFilter(pattern)).toThrow(UnknownEventTypeError);
  });

  it('points at the failing filter of a list', () => {
    expect(caught(() => catalog().validateFilters(['*', 'nope.*']))).toMatchObject({ pointer: '/filters/1' });
  });

  it('lists the types a filter selects', () => {
    expect(catalog().matchingTypes('points.*')).toEqual(['points.earned', 'points.redeemed']);
    expect(catalog().matchingTypes('*')).toHaveLength(4);
    expect(catalog().matchingTypes('nope.*')).toEqual([]);
  });
});
