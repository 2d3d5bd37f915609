import fc from 'fast-check';
import { firstDifference, MAX_DEPTH } from './first-difference';

const json = fc.jsonValue();

/** The same value with every object's keys in another order. */
const reordered = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(reordered);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, inner]) => [key, reordered(inner)]),
  );
};

describe('the first difference between a stored value and a rebuilt one', () => {
  it('finds none between a JSON value and itself, whatever the order of its keys', () => {
    fc.assert(
      fc.property(json, (value) => firstDifference(JSON.parse(JSON.stringify(value)), reordered(value)) === undefined),
    );
  });

  it('finds the one change made anywhere in a value, at its path', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json, { minKeys: 1 }), fc.nat(), (value, pick) => {
        const keys = Object.keys(value);
        const key = keys[pick % keys.length]!;
        const marker = 'a value no generator makes: 7f3c9e';
        const changed = { ...value, [key]: marker };
        expect(firstDifference(changed, value)).toEqual({
          path: [key],
          stored: { present: true, value: marker },
          rebuilt: { present: true, value: value[key] },
        });
      }),
    );
  });

  it('goes into nested objects and arrays, and names a missing element or key', () => {
    expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toEqual({
      path: ['a', 1, 'b'],
      stored: { present: true, value: 2 },
      rebuilt: { present: true, value: 3 },
    });
    expect(firstDifference({ a: [1] }, { a: [1, 2] })).toEqual({
      path: ['a', 1],
      stored: { present: false },
      rebuilt: { present: true, value: 2 },
    });
    expect(firstDifference({ a: 1, extra: 'x' }, { a: 1 })).toEqual({
      path: ['extra'],
      stored: { present: true, value: 'x' },
      rebuilt: { present: false },
    });
    expect(firstDifference([], {})).toEqual({
      path: [],
      stored: { present: true, value: [] },
      rebuilt: { present: true, value: {} },
    });
  });

  it('reads only own keys, even those spelt like Object.prototype’s', () => {
    const stored = JSON.parse('{"__proto__":{"p-1":true},"constructor":1}') as unknown;
    expect(firstDifference(stored, {})).toEqual({
      path: ['__proto__'],
      stored: { present: true, value: { 'p-1': true } },
      rebuilt: { present: false },
    });
    expect(firstDifference({}, JSON.parse('{"toString":"x"}'))).toEqual({
      path: ['toString'],
      stored: { present: false },
      rebuilt: { present: true, value: 'x' },
    });
  });

  it('stops at a depth no view reaches, with a difference there rather than a stack overflow', () => {
    const nested = (depth: number): unknown => {
      let value: unknown = 1;
      for (let level = 0; level < depth; level++) value = { d: value };
      return value;
    };
    expect(firstDifference(nested(100_000), { d: 1 })?.path).toEqual(['d']);
    expect(firstDifference(nested(100_000), nested(100_000))?.path.length).toBe(MAX_DEPTH);
    expect(firstDifference(nested(MAX_DEPTH - 1), nested(MAX_DEPTH - 1))).toBeUndefined();
  });
});
