import { unstorableJson, unstorableText } from './storable-text';

describe('text a store cannot keep', () => {
  it('is found wherever it sits, keys included, by path', () => {
    expect(unstorableText({ name: 'Kent\u0000', list: ['ok', '\ud800'], nested: { 'k\u0000': 1 }, fine: 'é 😀' }, 'body').map((e) => e.path)).toEqual([
      'body.name',
      'body.list.1',
      'body.nested.k\u0000',
    ]);
  });

  it('leaves well-formed text alone, surrogate pairs included', () => {
    expect(unstorableText(['😀', 'a\u0301', '\u202e', 42, null], 'body')).toEqual([]);
  });
});

describe('text a store cannot keep, in JSON text', () => {
  it('is looked for only when the text holds an escape that could be one', () => {
    expect(unstorableJson('{"name":"Kent\\u0000"}', { name: 'Kent\u0000' })).toEqual([{ path: 'name', message: expect.stringContaining('U+0000') }]);
    // A parsed value the text cannot have produced shows the check is skipped, not run.
    expect(unstorableJson('{"name":"Kent"}', { name: 'Kent\u0000' })).toEqual([]);
  });
});
