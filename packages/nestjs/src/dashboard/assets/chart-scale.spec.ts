import { linePath, linearScale, maxOf, niceTicks } from './chart-scale.js';

describe('chart scale', () => {
  it('maps a domain onto a range linearly, and a flat domain onto its middle', () => {
    const y = linearScale([0, 200], [180, 20]);
    expect([y(0), y(100), y(200)]).toEqual([180, 100, 20]);
    expect(linearScale([5, 5], [0, 10])(5)).toBe(5);
  });

  it('picks round ticks from zero that cover the largest value', () => {
    expect(niceTicks(1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(87)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(1234)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
  });

  it('still draws an axis when there is nothing to show', () => {
    expect(niceTicks(0)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('finds the largest value across series, ignoring empty buckets', () => {
    expect(maxOf([{ values: [1, null, 7] }, { values: [null, 12] }])).toBe(12);
    expect(maxOf([{ values: [null, null] }])).toBe(0);
  });

  it('draws a line through the values and leaves a gap over empty buckets', () => {
    const x = (i: number) => i * 10;
    const y = (v: number) => 100 - v;
    expect(linePath([1, 2, 3], x, y)).toBe('M0,99 L10,98 L20,97');
    expect(linePath([1, 2, null, 4, 5], x, y)).toBe('M0,99 L10,98 M30,96 L40,95');
    expect(linePath([null, 50, null], x, y)).toBe('M10,50 l0.01,0');
    expect(linePath([null, null], x, y)).toBe('');
  });
});
