import { codeTone, formatAxisTime, formatByteSize, formatDateTime, formatDuration, formatPercent, fromLocalInput, prettyJson, statusTone, toLocalInput, truncate } from './format.js';

describe('dashboard formatting', () => {
  it('shows times in local time, and a dash for none', () => {
    const local = new Date(2024, 4, 1, 14, 3, 9);
    expect(formatDateTime(local.toISOString())).toBe('2024-05-01 14:03:09');
    expect(formatDateTime(null)).toBe('—');
    expect(formatAxisTime(local, 3_600_000)).toBe('14:03');
    expect(formatAxisTime(local, 7 * 86_400_000)).toBe('05-01 14:03');
  });

  it('reads durations in the unit that suits them', () => {
    expect(formatDuration(840)).toBe('840 ms');
    expect(formatDuration(1200)).toBe('1.2 s');
    expect(formatDuration(2000)).toBe('2 s');
    expect(formatDuration(210_000)).toBe('3.5 min');
    expect(formatDuration(null)).toBe('—');
  });

  it('shows rates as percentages, and a dash when there is no rate', () => {
    expect(formatPercent(0.995)).toBe('99.5%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(null)).toBe('—');
  });

  it('cuts long text with an ellipsis', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
    expect(truncate(null, 4)).toBe('');
  });

  it('gives statuses and HTTP codes a tone', () => {
    expect(['delivered', 'pending', 'failed', 'sending', 'odd'].map(statusTone)).toEqual(['ok', 'warn', 'bad', 'busy', 'neutral']);
    expect([200, 204, 301, 404, 410, 500, null].map(codeTone)).toEqual(['ok', 'ok', 'warn', 'warn', 'bad', 'bad', 'bad']);
  });

  it('round-trips times through a datetime-local input, in local time', () => {
    const local = new Date(2024, 0, 31, 23, 5);
    expect(toLocalInput(local.toISOString())).toBe('2024-01-31T23:05');
    expect(fromLocalInput('2024-01-31T23:05')).toBe(local.toISOString());
    expect(fromLocalInput('')).toBeUndefined();
    expect(fromLocalInput('not a time')).toBeUndefined();
    expect(toLocalInput(undefined)).toBe('');
  });

  it('indents a JSON body to read and leaves any other text as it is', () => {
    expect(prettyJson('{"a":1,"b":[true]}')).toBe('{\n  "a": 1,\n  "b": [\n    true\n  ]\n}');
    expect(prettyJson('not json')).toBe('not json');
  });

  it('counts a body in UTF-8 bytes', () => {
    expect(formatByteSize('{"note":"café"}')).toBe('16 bytes');
    expect(formatByteSize('x')).toBe('1 byte');
  });
});
