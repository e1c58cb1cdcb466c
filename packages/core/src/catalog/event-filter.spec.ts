import { matchesAnyFilter, matchesEventFilter, parseEventFilter } from './event-filter';

describe('matchesEventFilter', () => {
  it.each([
    ['*', 'points.earned', true],
    ['*', 'test', true],
    ['points.*', 'points.earned', true],
    ['points.*', 'points.x.y', true],
    ['points.*', 'points', false],
    ['points.*', 'pointsx.y', false],
    ['points.*', 'rewards.points_awarded', false],
    ['customer.*', 'customer.tier_upgrade', true],
    ['rewards.points_*', 'rewards.points_awarded', false],
    ['points.earned', 'points.earned', true],
    ['points.earned', 'points.earned.v2', false],
    ['points.earned', 'points.redeemed', false],
    ['test', 'test', true],
    ['test', 'webhook.test', false],
    ['*.earned', 'points.earned', false],
    ['points.*.x', 'points.a.x', false],
    ['.*', 'points.earned', false],
    ['', '', false],
    ['Points.Earned', 'Points.Earned', false],
    ['*', 'points.', false],
    ['points.*', 'points.', false],
  ])('filter %p on type %p → %p', (pattern, type, expected) => {
    expect(matchesEventFilter(pattern, type)).toBe(expected);
  });
});

describe('matchesAnyFilter', () => {
  it('matches when one of the filters selects the type', () => {
    expect(matchesAnyFilter(['tier.*', 'points.earned'], 'points.earned')).toBe(true);
  });

  it('matches nothing with no filters', () => {
    expect(matchesAnyFilter([], 'points.earned')).toBe(false);
  });
});

describe('parseEventFilter', () => {
  it('tells the three filter kinds apart and rejects malformed ones', () => {
    expect(parseEventFilter('*')).toEqual({ kind: 'all' });
    expect(parseEventFilter('points.*')).toEqual({ kind: 'prefix', prefix: 'points' });
    expect(parseEventFilter('points.earned')).toEqual({ kind: 'exact', type: 'points.earned' });
    expect(parseEventFilter('points.**')).toBeUndefined();
  });
});
