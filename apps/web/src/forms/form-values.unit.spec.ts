import { decodeWith, findCommandDefinition } from '@coachline/domain';
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { fieldTreeOf } from './field-tree';
import { dataOf, emptyValue, type FormValue, pathsOf, prefilled } from './form-values';

const session = {
  providerId: 'p-017',
  sessionId: 's-1',
  coachId: 'c-03',
  heldOn: '2026-10-06',
  durationMinutes: '45',
  kind: 'coaching-conversation',
  mode: 'in-person',
  agendaUsed: true,
};

/** A command's data codec, by type. */
const command = (type: string) => {
  const definition = findCommandDefinition(type);
  if (definition === undefined) throw new Error(`no command ${type}`);
  return definition.data;
};

describe("a form's values as command data", () => {
  const tree = fieldTreeOf(command('LogSession'));
  const filled = (changes: Record<string, FormValue>): FormValue => ({
    ...(emptyValue(tree) as Record<string, FormValue>),
    ...session,
    ...changes,
  });

  it('is accepted by the command codec when the form is filled in, numbers as numbers and empty boxes left out', () => {
    const data = dataOf(tree, filled({})) as Record<string, unknown>;
    expect(data['durationMinutes']).toBe(45);
    expect('summary' in data).toBe(false);
    expect(E.isRight(decodeWith(command('LogSession'), 'LogSession', 'data')(data))).toBe(true);
  });

  it('leaves an empty required box out, so the codec names it as missing at its path', () => {
    const checked = decodeWith(command('LogSession'), 'LogSession', 'data')(dataOf(tree, filled({ heldOn: '' })));
    expect(E.isLeft(checked) && checked.left.errors.map((error) => error.path)).toEqual(['data.heldOn']);
  });

  it('keeps a number that is no number as typed, for the codec to quote', () => {
    const data = dataOf(tree, filled({ durationMinutes: 'forty' })) as Record<string, unknown>;
    expect(data['durationMinutes']).toBe('forty');
  });

  it('is accepted for every duration the codec allows and refused for every other', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 1000 }), (minutes) => {
        const data = dataOf(tree, filled({ durationMinutes: String(minutes) }));
        const accepted = E.isRight(decodeWith(command('LogSession'), 'LogSession', 'data')(data));
        expect(accepted).toBe(minutes >= 1 && minutes <= 480);
      }),
    );
  });

  it('sends an untouched set of changes as no change, and a yes or no chosen as a boolean', () => {
    const correction = fieldTreeOf(command('CorrectSession'));
    const empty = emptyValue(correction) as Record<string, FormValue>;
    const filled = { ...empty, providerId: 'p-1', sessionId: 's-1', reason: 'Typo' };
    expect(dataOf(correction, filled)).toEqual({ providerId: 'p-1', sessionId: 's-1', changes: {}, reason: 'Typo' });
    const changes = { ...(empty['changes'] as Record<string, FormValue>), agendaUsed: 'false' };
    expect(dataOf(correction, { ...filled, changes })).toMatchObject({ changes: { agendaUsed: false } });
    const checked = decodeWith(
      command('CorrectSession'),
      'CorrectSession',
      'data',
    )(dataOf(correction, { ...filled, changes }));
    expect(E.isRight(checked)).toBe(true);
  });

  it('drops a list entry left empty, but keeps an empty goal for the codec to name its fields', () => {
    const plan = fieldTreeOf(command('SetActionPlan'));
    const value = prefilled(plan, emptyValue(plan), new Map([['providerId', 'p-017']])) as Record<string, FormValue>;
    expect(value['providerId']).toBe('p-017');
    const data = dataOf(plan, value) as Record<string, unknown>;
    expect(data['steps']).toEqual([]);
    expect(data['goals']).toEqual([{}]);
    const checked = decodeWith(command('SetActionPlan'), 'SetActionPlan', 'data')(data);
    const paths = E.isLeft(checked) ? checked.left.errors.map((error) => error.path) : [];
    expect(paths).toEqual(expect.arrayContaining(['data.goals.0.goalId', 'data.actionPlanId']));
    expect(paths.every((path) => new Set(pathsOf(plan, value, 'data')).has(path))).toBe(true);
  });

  it("keys a record's rows in a null-prototype object, so a name like __proto__ stays a name", () => {
    const observation = fieldTreeOf(command('CompleteObservation'));
    const value = {
      ...(emptyValue(observation) as Record<string, FormValue>),
      scores: [
        { key: '__proto__', value: '3' },
        { key: 'teaching', value: '4.5' },
      ],
    };
    const scores = (dataOf(observation, value) as Record<string, unknown>)['scores'] as Record<string, unknown>;
    expect(Object.getPrototypeOf(scores)).toBeNull();
    expect(Object.keys(scores)).toEqual(['__proto__', 'teaching']);
    expect(scores['teaching']).toBe(4.5);
    expect(pathsOf(observation, value, 'data')).toContain('data.scores.teaching');
  });

  it("sends a union's fixed word, or the fields of the member chosen", () => {
    const agreement = fieldTreeOf(command('DraftAgreement'));
    const empty = emptyValue(agreement) as Record<string, FormValue>;
    expect((dataOf(agreement, empty) as Record<string, unknown>)['cadence']).toBe('every-two-weeks');
    const other = dataOf(agreement, { ...empty, cadence: { variant: 1, value: { other: 'Monthly' } } });
    expect((other as Record<string, unknown>)['cadence']).toEqual({ other: 'Monthly' });
  });
});
