import { jobIdForKey } from './job-id';

describe('jobIdForKey', () => {
  it('uses a delivery id as it is', () => {
    expect(jobIdForKey('dlv_01J8Z3K4M5N6P7Q8R9S0T1V2W3')).toBe('dlv_01J8Z3K4M5N6P7Q8R9S0T1V2W3');
  });

  it('escapes what BullMQ refuses as a custom id', () => {
    expect(jobIdForKey('dlv_1:retry:2')).not.toContain(':');
    expect(`${Number.parseInt(jobIdForKey('42'), 10)}`).not.toBe(jobIdForKey('42'));
  });

  it('never gives two keys the same id', () => {
    const keys = ['42', '%i42', '%2542', 'a:b', 'a%3Ab', 'a%253Ab', '%', '%25', '7', '%i7', '07', ''];
    expect(new Set(keys.map(jobIdForKey)).size).toBe(keys.length);
  });
});
