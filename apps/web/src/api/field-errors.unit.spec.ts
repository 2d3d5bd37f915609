import fc from 'fast-check';
import { errorsByField, fieldOfPath } from './field-errors';

describe('fieldOfPath', () => {
  it('names the field of a path from the domain codec and from the API alike', () => {
    expect(fieldOfPath('data.durationMinutes')).toBe('durationMinutes');
    expect(fieldOfPath('body.durationMinutes')).toBe('durationMinutes');
    expect(fieldOfPath('body.practices.1')).toBe('practices');
  });

  it('names no field for a path outside the data: a header, the path, the whole body', () => {
    expect(fieldOfPath('headers.idempotency-key')).toBeUndefined();
    expect(fieldOfPath('params.id')).toBeUndefined();
    expect(fieldOfPath('body')).toBeUndefined();
  });

  it('takes the longest prefix: a correction names its changed field under changes', () => {
    const prefixes = ['data', 'body', 'data.changes', 'body.changes'];
    expect(fieldOfPath('body.changes.durationMinutes', prefixes)).toBe('durationMinutes');
    expect(fieldOfPath('data.reason', prefixes)).toBe('reason');
  });
});

describe('errorsByField', () => {
  it("keeps each field's first error and leaves the others above the form", () => {
    const { byField, elsewhere } = errorsByField(
      [
        { path: 'data.heldOn', message: 'a calendar date YYYY-MM-DD' },
        { path: 'body.heldOn', message: 'later than today (rule 2)' },
        { path: 'headers.if-match', message: 'a revision' },
        { path: 'body.unknownField', message: 'not a field of the command' },
      ],
      new Set(['heldOn', 'durationMinutes']),
    );
    expect([...byField]).toEqual([['heldOn', 'a calendar date YYYY-MM-DD']]);
    expect(elsewhere.map((error) => error.path)).toEqual(['headers.if-match', 'body.unknownField']);
  });

  it('never loses an error and never keys a plain object with text from outside', () => {
    const hostile = fc.constantFrom('__proto__', 'constructor', 'toString', 'heldOn', 'hasOwnProperty');
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            path: fc.tuple(fc.constantFrom('data', 'body', 'x'), hostile).map((p) => p.join('.')),
            message: fc.string(),
          }),
        ),
        (errors) => {
          const { byField, elsewhere } = errorsByField(errors, new Set(['heldOn', '__proto__']));
          const shown = new Set(byField.keys());
          for (const error of errors) {
            const field = fieldOfPath(error.path);
            if (field === undefined || !['heldOn', '__proto__'].includes(field)) expect(elsewhere).toContain(error);
            else expect(shown.has(field)).toBe(true);
          }
          expect(Object.getPrototypeOf({})).toBe(Object.prototype);
        },
      ),
    );
  });
});
