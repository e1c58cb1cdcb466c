import { parseStatsWindow } from './stats-window';

describe('parseStatsWindow', () => {
  it('reads minutes, hours and days', () => {
    expect(parseStatsWindow('15m')).toBe(15 * 60_000);
    expect(parseStatsWindow('24h')).toBe(86_400_000);
    expect(parseStatsWindow('30d')).toBe(30 * 86_400_000);
  });

  it('refuses anything else, and more than 30 days, pointing at /window', () => {
    for (const window of ['', '0h', '24', 'h', '1w', '-1h', '31d', '99999h', '1.5h']) {
      expect(() => parseStatsWindow(window)).toThrow(expect.objectContaining({ code: 'HOOKLINE_INVALID_STATS_WINDOW', pointer: '/window' }));
    }
  });
});
