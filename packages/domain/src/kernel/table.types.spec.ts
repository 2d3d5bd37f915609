import { copyTable, emptyTable, entryOf, Table, tableOf } from '../index';

// These expectations are checked by the compiler (`npm run typecheck`): each `@ts-expect-error`
// line must fail to type-check, or tsc fails.

/** Somewhere only a table will do: a view keyed by ids from outside. */
const coachOf = (table: Table<string>, providerId: string): string | undefined => entryOf(table, providerId);

const plain: Record<string, string> = { 'p-017': 'c-03' };

// @ts-expect-error a plain `{}` has Object.prototype behind it: it is no table.
const literal: Table<string> = {};
// @ts-expect-error nor is a record typed as one, however it was made.
const fromRecord: Table<string> = plain;
// @ts-expect-error JSON.parse gives plain objects, not tables.
const parsed = coachOf(JSON.parse('{"p-017":"c-03"}') as Record<string, string>, 'p-017');

const started: Table<string> = emptyTable();
started['p-017'] = 'c-03';
const copied = copyTable(plain);
const listed = tableOf([['__proto__', 'c-04'] as const]);

describe('the Table brand', () => {
  it('admits the tables its makers make, and reads them by own entries only', () => {
    expect(coachOf(started, 'p-017')).toBe('c-03');
    expect(coachOf(copied, 'p-017')).toBe('c-03');
    expect(coachOf(listed, '__proto__')).toBe('c-04');
    expect(coachOf(started, 'constructor')).toBeUndefined();
  });

  it('keeps the refused values what they are at run time: plain objects with a prototype', () => {
    expect([literal, fromRecord].map((value) => Object.getPrototypeOf(value))).toEqual([
      Object.prototype,
      Object.prototype,
    ]);
    expect(parsed).toBe('c-03');
  });
});
