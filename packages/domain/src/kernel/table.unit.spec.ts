import { RESERVED_IDS } from './primitives';
import { copyTable, emptyTable, entryOf, tableOf, withoutPrototypes } from './table';

const HOSTILE = [...RESERVED_IDS];

describe('tables keyed by outside text', () => {
  it('hold an entry under every name Object.prototype carries, and nothing else', () => {
    const table = emptyTable<number>();
    HOSTILE.forEach((name, i) => (table[name] = i));
    expect(Object.keys(table)).toEqual(HOSTILE);
    HOSTILE.forEach((name, i) => expect(table[name]).toBe(i));
    expect(Object.getPrototypeOf(table)).toBeNull();
    expect(({} as Record<string, unknown>)['hasOwnProperty']).toBe(Object.prototype.hasOwnProperty);
  });

  it('read an absent name as absent, however it is spelt', () => {
    const table = tableOf([['p-1', 'c-1']]);
    for (const name of HOSTILE) {
      expect(table[name]).toBeUndefined();
      expect(name in table).toBe(false);
    }
  });

  it('are copied from any object by its own entries only', () => {
    const parsed = JSON.parse('{"__proto__": {"drafted": true}, "p-1": 1}') as Record<string, unknown>;
    const copy = copyTable(parsed);
    expect(Object.keys(copy)).toEqual(['__proto__', 'p-1']);
    expect(Object.getPrototypeOf(copy)).toBeNull();
    expect(({} as Record<string, unknown>)['drafted']).toBeUndefined();
  });

  it('give an entry only when the object holds it itself', () => {
    expect(entryOf({ admin: 'all' }, 'admin')).toBe('all');
    expect(entryOf({ admin: 'all' }, 'constructor')).toBeUndefined();
    expect(entryOf({ admin: 'all' }, 'toString')).toBeUndefined();
    expect(entryOf(JSON.parse('{"__proto__": "own"}') as Record<string, string>, '__proto__')).toBe('own');
  });
});

describe('JSON read back as tables', () => {
  it('has no prototype behind any object, however deep, and keeps arrays and values', () => {
    const json = JSON.parse(
      '{"agreements": {"__proto__": {"signatures": [{"party": "coach"}], "cycles": []}}, "seq": 3, "none": null}',
    );
    const revived = withoutPrototypes(json) as {
      agreements: Record<string, { signatures: Array<Record<string, string>> }>;
    };
    expect(revived).toEqual(json);
    expect(Object.getPrototypeOf(revived)).toBeNull();
    expect(Object.getPrototypeOf(revived.agreements)).toBeNull();
    expect(Object.getPrototypeOf(revived.agreements['__proto__']!.signatures[0])).toBeNull();
    expect(Array.isArray(revived.agreements['__proto__']!.signatures)).toBe(true);
    expect(revived.agreements['constructor']).toBeUndefined();
  });
});
