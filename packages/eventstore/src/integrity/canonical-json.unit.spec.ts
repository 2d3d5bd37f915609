import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalJsonText } from './canonical-json';

const VECTORS = join(__dirname, 'rfc8785-vectors');
const canonical = (value: unknown): string => canonicalJsonText(value, 'The value');

describe('RFC 8785 reference vectors', () => {
  const names = readdirSync(join(VECTORS, 'input')).filter((name) => name.endsWith('.json'));

  it('are all here, each input with its output', () => {
    expect(names.sort()).toEqual(readdirSync(join(VECTORS, 'output')).sort());
    expect(names).toEqual(expect.arrayContaining(['arrays.json', 'structures.json', 'values.json', 'weird.json']));
  });

  it.each(names)('%s gives the expected text, byte for byte', (name) => {
    const input = JSON.parse(readFileSync(join(VECTORS, 'input', name), 'utf8')) as unknown;
    const expected = readFileSync(join(VECTORS, 'output', name));
    expect(Buffer.from(canonical(input), 'utf8')).toEqual(expected);
  });

  /** `hex-ieee,expected` lines: the double with those IEEE-754 bits and the text ECMAScript writes for it. */
  const numberLines = (file: string) => {
    const text = readFileSync(join(VECTORS, 'numbers', file), 'utf8');
    const bits = new DataView(new ArrayBuffer(8));
    const lines = text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => {
        const [hex, expected] = line.split(',') as [string, string];
        bits.setBigUint64(0, BigInt(`0x${hex}`));
        return { hex, value: bits.getFloat64(0), expected };
      });
    return { text, lines };
  };

  it.each(['es6-first-1000.txt', 'es6-every-8th-2169-10000.txt'])(
    'number file %s: every double as expected',
    (file) => {
      const { lines } = numberLines(file);
      expect(lines.length).toBeGreaterThan(900);
      const wrong = lines.filter(({ value, expected }) => canonical(value) !== expected);
      expect(wrong).toEqual([]);
    },
  );

  it('number file es6-first-1000.txt is upstream’s first thousand lines, by their published SHA-256', () => {
    const { text, lines } = numberLines('es6-first-1000.txt');
    expect(lines).toHaveLength(1000);
    expect(createHash('sha256').update(text).digest('hex')).toBe(
      'be18b62b6f69cdab33a7e0dae0d9cfa869fda80ddc712221570f9f40a5878687',
    );
    // The file holds negative zero, which is written as 0.
    expect(lines.find(({ hex }) => hex === '8000000000000000')).toMatchObject({ value: -0, expected: '0' });
  });
});

describe('canonical JSON', () => {
  it('orders member names by UTF-16 code units, not as Object.keys lists them', () => {
    // Object.keys puts integer-like names first, in numeric order.
    expect(canonical({ a: 1, 2: 2, 10: 3, '': 4, B: 5 })).toBe('{"":4,"10":3,"2":2,"B":5,"a":1}');
    // U+1F600 is a surrogate pair (D83D DE00), so it sorts before U+FFFD although its code point is higher.
    expect(canonical({ '\ufffd': 1, '\u{1f600}': 2 })).toBe('{"\u{1f600}":2,"\ufffd":1}');
    expect(canonical({ z: { y: [3, { b: 1, a: 0 }], x: null } })).toBe('{"z":{"x":null,"y":[3,{"a":0,"b":1}]}}');
  });

  it('writes the same object the same way whatever the order its members were added in', () => {
    const names = Array.from({ length: 40 }, (_, i) => `member-${(i * 7) % 40}`);
    const forwards = Object.fromEntries(names.map((name, i) => [name, i]));
    const backwards = Object.fromEntries(names.map((name, i) => [name, i]).reverse());
    expect(canonical(backwards)).toBe(canonical(forwards));
    expect(canonical(forwards)).toBe(canonicalize(forwards));
  });

  it('tells apart many shapes with the same first and last names, past the shapes it keeps', () => {
    const shapes = Array.from({ length: 5_000 }, (_, i) => ({
      providerId: 'p-1',
      [`middle-${i % 60}`]: i,
      ...(i % 3 === 0 ? { [`other-${i}`]: true } : {}),
      summary: `s-${i}`,
    }));
    for (const shape of [...shapes, ...shapes.reverse()]) expect(canonical(shape)).toBe(canonicalize(shape));
  });

  it('writes numbers in ECMAScript’s shortest form, and -0 as 0', () => {
    expect(canonical([-0, 0, 1e21, 1e-7, 0.1 + 0.2, 5e-324, -1.7976931348623157e308, 100, 1.5])).toBe(
      '[0,0,1e+21,1e-7,0.30000000000000004,5e-324,-1.7976931348623157e+308,100,1.5]',
    );
  });

  it('escapes strings as JSON.stringify does, lone surrogates included', () => {
    expect(canonical('quote " backslash \\ tab \t nul \u0000 del \u007f line \u2028 lone \ud800 pair 😀')).toBe(
      '"quote \\" backslash \\\\ tab \\t nul \\u0000 del \u007f line \u2028 lone \\ud800 pair 😀"',
    );
  });

  it('writes a value with toJSON as JSON.stringify would', () => {
    const when = new Date(Date.UTC(2026, 0, 5, 10));
    expect(canonical({ when })).toBe('{"when":"2026-01-05T10:00:00.000Z"}');
  });

  it('leaves out an object member holding undefined, as JSON.stringify does', () => {
    expect(canonical({ b: undefined, a: 1, c: { d: undefined } })).toBe('{"a":1,"c":{}}');
    expect(canonical({ a: undefined })).toBe('{}');
  });

  it.each([
    [Number.NaN, 'The value must be a JSON value: NaN.'],
    [{ scores: [1, Number.POSITIVE_INFINITY] }, 'The value must be a JSON value: Infinity at .scores[1].'],
    [{ 'odd name': -Infinity }, 'The value must be a JSON value: -Infinity at ["odd name"].'],
    [{ count: 12n }, 'The value must be a JSON value: a bigint (12n) at .count.'],
    [{ nested: { act: () => 1 } }, 'The value must be a JSON value: a function at .nested.act.'],
    [[Symbol('s')], 'The value must be a JSON value: a symbol at [0].'],
    [undefined, 'The value must be a JSON value: undefined.'],
    [[1, undefined], 'The value must be a JSON value: undefined at [1].'],
  ])('refuses %p with a TypeError naming what and where', (value, message) => {
    expect(() => canonical(value)).toThrow(new TypeError(message));
  });
});

// Characters that trip serializers: quotes, escapes, controls, astral pairs, lone halves of pairs.
const hostileCharacter = fc.oneof(
  fc.constantFrom('"', '\\', '/', '\u0000', '\u001f', '\u007f', '\u2028', '\ufeff', '\ufffd', '😀', '\u{10ffff}'),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)),
  fc.integer({ min: 0, max: 9 }).map(String),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const hostileString = fc.string({ unit: hostileCharacter, maxLength: 8 });
const hostileName = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'toJSON', ''),
  fc.constantFrom('0', '1', '2', '10', '01', '-1', '1.5', '1e3', '4294967294', '4294967295', '9007199254740993'),
  fc.nat({ max: 1000 }).map(String),
  hostileString,
);

const { hostileValue } = fc.letrec<{ hostileValue: unknown }>((tie) => {
  const members = fc.array(fc.tuple(hostileName, tie('hostileValue')), { maxLength: 8 });
  return {
    hostileValue: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom(null, true, false),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      hostileString,
      fc.array(tie('hostileValue'), { maxLength: 5 }),
      // Object.fromEntries defines "__proto__" as an own member, as JSON.parse does.
      members.map((entries) => Object.fromEntries(entries)),
      members.map((entries) => {
        const table = Object.create(null) as Record<string, unknown>;
        for (const [name, member] of entries) table[name] = member;
        return table;
      }),
    ),
  };
});

describe('canonical JSON, for all JSON values', () => {
  const jsonValues = fc.oneof(fc.jsonValue(), fc.jsonValue({ stringUnit: hostileCharacter }), hostileValue);

  it('equals the canonicalize package’s text byte for byte', () => {
    fc.assert(
      fc.property(jsonValues, (value) => {
        expect(canonical(value)).toBe(canonicalize(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives its own text again from the parse of its text', () => {
    fc.assert(
      fc.property(jsonValues, (value) => {
        const text = canonical(value);
        expect(canonical(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('does not depend on the order members were added in, for objects of many shapes sharing names', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(hostileName, fc.jsonValue({ maxDepth: 1 })), { maxLength: 12 }), (entries) => {
        const forwards = Object.fromEntries(entries);
        const backwards = Object.fromEntries(Object.entries(forwards).reverse());
        expect(canonical(backwards)).toBe(canonical(forwards));
        expect(canonical(forwards)).toBe(canonicalize(forwards));
      }),
      { numRuns: 1000 },
    );
  });
});
