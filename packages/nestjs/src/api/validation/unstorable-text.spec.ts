import { unstorableTextAt } from './unstorable-text';

describe('unstorableTextAt', () => {
  it.each([
    [{ description: 'a\u0000b' }, '/description', 'U+0000'],
    [{ description: 'x\ud800' }, '/description', 'U+D800'],
    [{ events: ['ok', '\udfff.earned'] }, '/events/1', 'U+DFFF'],
  ])('finds %j at %s (%s)', (body, pointer, character) => {
    expect(unstorableTextAt(body)).toEqual({ pointer, character });
  });

  it('accepts paired surrogates and every other character', () => {
    expect(unstorableTextAt({ description: 'Punkte 🎉 — \u0001 ok', events: ['*'], is_active: true, n: null })).toBeUndefined();
  });
});
