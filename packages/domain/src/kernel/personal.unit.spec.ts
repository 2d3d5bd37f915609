import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import { decodeRecordedEvent } from '../catalogue/recorded-event';
import { decodeWith } from './decode';
import { isErasedValue, isSealedValue, personal, plainOf } from './personal';
import { LocalDate, Text } from './primitives';

const childName = personal(Text, 'the child’s name');
const decode = decodeWith(childName, 'child name', 'data.childName');
const sealed = {
  sealed: { keyId: 'k-1', iv: 'AAAAAAAAAAAAAAAA', tag: 'AAAAAAAAAAAAAAAAAAAAAA==', ciphertext: 'QXZh' },
};

const metadata = {
  actor: { id: 'coach-1', role: 'coach' },
  recordedAt: '2025-08-04T10:00:00.000Z',
  commandId: 'cmd-1',
  correlationId: 'cmd-1',
};
const followUp = (action: unknown) => ({
  id: 'ev-1',
  stream: 'screening-scr-1',
  type: 'AsqSe2FollowUpRecorded',
  schemaVersion: 1,
  data: { screeningId: 'scr-1', action, on: '2025-09-01' },
  metadata,
});

describe('a personal field', () => {
  it.each([
    ['the plain value', 'Ava Lindqvist'],
    ['a sealed value', sealed],
    ['an erased value', { erased: true }],
  ])('accepts %s', (_, value) => expect(decode(value)).toEqual(E.right(value)));

  it.each([
    ['a sealed value with an extra field', { sealed: { ...sealed.sealed, name: 'Ava' } }],
    ['a sealed value whose ciphertext is not base64', { sealed: { ...sealed.sealed, ciphertext: 'Ava Lindqvist!' } }],
    ['an erasure that is not true', { erased: 'Ava' }],
    ['an erasure with company', { erased: true, childName: 'Ava' }],
    ['a blank name', '   '],
  ])('refuses %s', (_, value) => expect(E.isLeft(decode(value))).toBe(true));

  it('never echoes what it refuses, whatever it was', () =>
    fc.assert(
      fc.property(
        fc.string({ minLength: 6 }).filter((s) => /^\s*$/.test(s) === false),
        (secret) => {
          for (const wrong of [{ sealed: secret }, { erased: secret }, [secret], { name: secret }]) {
            const refused = decode(wrong);
            expect(E.isLeft(refused)).toBe(true);
            expect(JSON.stringify(refused)).not.toContain(JSON.stringify(secret).slice(1, -1));
          }
        },
      ),
    ));

  it('keeps the plain codec’s own rule: a birth date must be a calendar date', () => {
    const birthDate = decodeWith(personal(LocalDate, 'a birth date'), 'birth date');
    expect(E.isRight(birthDate('2023-05-01'))).toBe(true);
    expect(E.isLeft(birthDate('2023-02-30'))).toBe(true);
    expect(JSON.stringify(birthDate('2023-02-30'))).not.toContain('2023-02-30');
  });

  it('tells the three forms apart', () => {
    expect([isSealedValue(sealed), isErasedValue(sealed), plainOf(sealed, Text)]).toEqual([true, false, undefined]);
    expect([isSealedValue({ erased: true }), isErasedValue({ erased: true }), plainOf({ erased: true }, Text)]).toEqual(
      [false, true, undefined],
    );
    expect(plainOf('Ava', Text)).toBe('Ava');
  });
});

describe('events with personal fields', () => {
  it.each([
    ['plain (files written before sealing)', 'Referred to early intervention'],
    ['sealed', sealed],
    ['erased', { erased: true }],
  ])('decode a follow-up whose action is %s', (_, action) =>
    expect(decodeRecordedEvent(followUp(action))).toMatchObject(E.right({ data: { action } })),
  );

  it('refuses a broken action without showing it', () => {
    const refused = decodeRecordedEvent(followUp({ sealed: 'Referred Ava to speech therapy' }));
    expect(refused).toMatchObject(E.left({ errors: [{ path: 'data.action' }] }));
    expect(JSON.stringify(refused)).not.toContain('speech therapy');
  });
});
