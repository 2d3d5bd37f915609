import { Id, Text } from './primitives';

describe('text the store can keep', () => {
  it.each([
    ['a NUL character', 'Modeled\u0000calm'],
    ['a lone high surrogate', 'Warm \uD83D greeting'],
    ['a lone low surrogate', 'Warm \uDE00 greeting'],
  ])('refuses %s in ids and texts', (_what, value) => {
    expect(Id.is(value)).toBe(false);
    expect(Text.is(value)).toBe(false);
  });

  it('keeps every well-formed character, emoji and right-to-left scripts included', () => {
    for (const value of ['Greeted every child 😀', 'مرحبا بالأطفال', 'e\u0301cole']) {
      expect(Id.is(value)).toBe(true);
      expect(Text.is(value)).toBe(true);
    }
  });
});
