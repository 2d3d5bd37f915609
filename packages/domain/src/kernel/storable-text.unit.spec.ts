import fc from 'fast-check';
import { NESTING_LIMIT, NESTING_RULE, nestingDepth, unstorableJson, unstorableText } from './storable-text';

describe('text a store cannot keep', () => {
  it('is found wherever it sits, keys included, by path', () => {
    expect(
      unstorableText(
        { name: 'Kent\u0000', list: ['ok', '\ud800'], nested: { 'k\u0000': 1 }, fine: 'é 😀' },
        'body',
      ).map((e) => e.path),
    ).toEqual(['body.name', 'body.list.1', 'body.nested.k\u0000']);
  });

  it('leaves well-formed text alone, surrogate pairs included', () => {
    expect(unstorableText(['😀', 'a\u0301', '\u202e', 42, null], 'body')).toEqual([]);
  });
});

describe('text a store cannot keep, in JSON text', () => {
  it('is looked for only when the text holds an escape that could be one', () => {
    expect(unstorableJson('{"name":"Kent\\u0000"}', { name: 'Kent\u0000' })).toEqual([
      { path: 'name', message: expect.stringContaining('U+0000') },
    ]);
    // A parsed value the text cannot have produced shows the check is skipped, not run.
    expect(unstorableJson('{"name":"Kent"}', { name: 'Kent\u0000' })).toEqual([]);
  });
});

describe('values nested too deep', () => {
  const nested = (depth: number, open: 'array' | 'object'): unknown => {
    let value: unknown = 'leaf';
    for (let i = 0; i < depth; i++) value = open === 'array' ? [value] : { a: value };
    return value;
  };
  const reference = (value: unknown): number =>
    typeof value !== 'object' || value === null
      ? 0
      : 1 + Math.max(0, ...(Array.isArray(value) ? value : Object.values(value)).map(reference));

  it('are measured like a recursive count would, for any JSON value within the limit', () =>
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => expect(nestingDepth(value)).toBe(reference(value))),
    ));

  it.each([3_000, 100_000])(
    'are measured without overflowing the stack, %i levels deep, stopping one level past the limit',
    (depth) => {
      for (const open of ['array', 'object'] as const)
        expect(nestingDepth(nested(depth, open))).toBe(NESTING_LIMIT + 1);
    },
  );

  it('are refused where they pass the limit, and not looked into further', () => {
    expect(unstorableText(nested(NESTING_LIMIT, 'object'), 'body')).toEqual([]);
    const [error, ...others] = unstorableText(nested(100_000, 'array'), 'body');
    expect(others).toEqual([]);
    expect(error).toEqual({ path: `body${'.0'.repeat(NESTING_LIMIT)}`, message: NESTING_RULE });
  });
});
