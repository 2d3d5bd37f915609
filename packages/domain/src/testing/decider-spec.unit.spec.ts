import * as E from 'fp-ts/Either';
import { AgreementCommand } from '../agreement/agreement.commands';
import { agreementDecider } from '../agreement/agreement.decider';
import { AgreementDraftedData } from '../agreement/agreement-drafted';
import { AgreementEvent } from '../agreement/agreement.events';
import { accept, Command, Decider, DomainEvent, refuse } from '../kernel/decider';
import { DomainError, ruleBroken } from '../kernel/domain-error';
import { AssertionError, differences } from './assertion-error';
import { command, deciderSpec } from './decider-spec';

/** A decider small enough to read at a glance: a coach is reminded once per session. */
type Reminded = DomainEvent<'ReminderSent', { sessionId: string; note?: string }>;
type Remind = Command<'Remind', { sessionId: string }>;
const reminders: Decider<Remind, Reminded, ReadonlySet<string>> = {
  initialState: new Set(),
  evolve: (state, event) => new Set([...state, event.data.sessionId]),
  decide: (cmd, state) => {
    if (cmd.data.sessionId === 'closed')
      return refuse(ruleBroken('session-closed', 'The session is closed.', 'data.sessionId'));
    if (state.has(cmd.data.sessionId)) return accept();
    return cmd.data.sessionId === 'twice' ? accept(sent('twice'), sent('twice')) : accept(sent(cmd.data.sessionId));
  },
};
const sent = (sessionId: string): Reminded => ({ type: 'ReminderSent', data: { sessionId } });
const remind = (sessionId: string) => command<Remind>('Remind', { sessionId });
const spec = deciderSpec(reminders);

/** The error a specification throws, or a failure of this test when it throws none. */
const failureOf = (run: () => void): AssertionError => {
  try {
    run();
  } catch (error) {
    if (error instanceof AssertionError) return error;
    throw error;
  }
  throw new Error('the specification passed, but it should have failed');
};

describe('decider specifications', () => {
  describe('then', () => {
    it('passes when the decider decides exactly the expected events', () => {
      expect(() =>
        spec
          .given([])
          .when(remind('s-1'))
          .then([sent('s-1')]),
      ).not.toThrow();
    });

    it('compares events as stored: a property set to undefined is one left out', () => {
      expect(() =>
        spec
          .given([])
          .when(remind('s-1'))
          .then([{ type: 'ReminderSent', data: { sessionId: 's-1', note: undefined } }]),
      ).not.toThrow();
    });

    it('fails naming the command, the history and the field that differs', () => {
      const error = failureOf(() =>
        spec
          .given([sent('s-0')])
          .when(remind('s-1'))
          .then([sent('s-2')]),
      );
      expect(error.message).toContain('Remind given [ReminderSent]');
      expect(error.message).toContain('events[0].data.sessionId: expected "s-2", got "s-1"');
      expect(error.expected).toEqual([sent('s-2')]);
      expect(error.actual).toEqual([sent('s-1')]);
    });

    it('fails on an event more than expected, counting them', () => {
      const error = failureOf(() =>
        spec
          .given([])
          .when(remind('twice'))
          .then([sent('twice')]),
      );
      expect(error.message).toContain('events: expected 1 item(s), got 2');
      expect(error.message).toContain('events[1]: expected nothing, got {"type":"ReminderSent"');
    });

    it('fails on a field the decider added', () => {
      const error = failureOf(() =>
        spec
          .given([])
          .when(remind('s-1'))
          .then([{ type: 'ReminderSent', data: { sessionId: 's-1', note: 'x' } }]),
      );
      expect(error.message).toContain('events[0].data.note: expected "x", got nothing');
    });

    it('fails when the command is refused, naming the refusal', () => {
      const error = failureOf(() =>
        spec
          .given([])
          .when(remind('closed'))
          .then([sent('closed')]),
      );
      expect(error.message).toBe(
        'Remind given no events: expected events [ReminderSent], but it was refused with session-closed ("The session is closed.", naming data.sessionId)',
      );
    });

    it('reads a real decider: a second draft of an agreement differs from the first by its id', () => {
      const draft: AgreementDraftedData = {
        agreementId: 'ag-1',
        providerId: 'p-017',
        coachId: 'c-03',
        practices: ['visual-schedules'],
        visitMode: 'combination',
        estimatedCycles: 8,
        cadence: 'every-two-weeks',
      };
      const drafted: AgreementEvent = { type: 'AgreementDrafted', data: { ...draft, agreementId: 'ag-2' } };
      const draftIt = command<AgreementCommand>('DraftAgreement', draft);
      const error = failureOf(() => deciderSpec(agreementDecider).given([]).when(draftIt).then([drafted]));
      expect(error.message).toContain('DraftAgreement given no events: decided other events than expected');
      expect(error.message).toContain('events[0].data.agreementId: expected "ag-2", got "ag-1"');
    });
  });

  describe('thenFails', () => {
    it('passes on the expected code and paths', () => {
      expect(() => spec.given([]).when(remind('closed')).thenFails('session-closed', ['data.sessionId'])).not.toThrow();
    });

    it('fails on another code, naming both', () => {
      const error = failureOf(() => spec.given([]).when(remind('closed')).thenFails('session-voided'));
      expect(error.message).toBe(
        'Remind given no events: expected a refusal with session-voided, but it was refused with session-closed ("The session is closed.", naming data.sessionId)',
      );
    });

    it('fails when the refusal does not name a path', () => {
      const error = failureOf(() =>
        spec.given([]).when(remind('closed')).thenFails('session-closed', ['data.sessionId', 'data.coachId']),
      );
      expect(error.message).toContain('which does not name data.coachId');
      expect(error.message).not.toMatch(/does not name data\.sessionId/);
    });

    it('fails when the command is accepted, naming what it decided', () => {
      const error = failureOf(() => spec.given([]).when(remind('s-1')).thenFails('session-closed'));
      expect(error.message).toBe(
        'Remind given no events: expected a refusal with session-closed, but it decided [ReminderSent]',
      );
    });

    it('takes a predicate over the refusal', () => {
      const isRule = (error: DomainError) => error.kind === 'rule-broken';
      expect(() => spec.given([]).when(remind('closed')).thenFails(isRule)).not.toThrow();
      const error = failureOf(() =>
        spec
          .given([])
          .when(remind('closed'))
          .thenFails((e) => e.kind === 'forbidden'),
      );
      expect(error.message).toContain(
        'refused with session-closed ("The session is closed.", naming data.sessionId), which the predicate does not accept',
      );
    });
  });

  describe('thenNothingHappened', () => {
    it('passes when the decider decides no events', () => {
      expect(() =>
        spec
          .given([sent('s-1')])
          .when(remind('s-1'))
          .thenNothingHappened(),
      ).not.toThrow();
    });

    it('fails when it decides events, naming them', () => {
      const error = failureOf(() => spec.given([]).when(remind('s-1')).thenNothingHappened());
      expect(error.message).toBe('Remind given no events: expected no events, but it decided [ReminderSent]');
    });

    it('fails when the command is refused', () => {
      const error = failureOf(() => spec.given([]).when(remind('closed')).thenNothingHappened());
      expect(error.message).toContain('expected no events, but it was refused with session-closed');
    });
  });

  it('needs no test runner globals: it passes and fails with jest’s expect taken away', () => {
    const runner = globalThis as Record<string, unknown>;
    const taken = ['expect', 'jest', 'describe', 'it', 'test'].map((name) => [name, runner[name]] as const);
    for (const [name] of taken) delete runner[name];
    let outcomes: Array<E.Either<unknown, void>>;
    try {
      const run = (f: () => void) => E.tryCatch(f, (error) => error);
      outcomes = [
        run(() =>
          spec
            .given([])
            .when(remind('s-1'))
            .then([sent('s-1')]),
        ),
        run(() =>
          spec
            .given([])
            .when(remind('s-1'))
            .then([sent('s-9')]),
        ),
        run(() => spec.given([]).when(remind('closed')).thenFails('session-closed', ['data.sessionId'])),
        run(() =>
          spec
            .given([sent('s-1')])
            .when(remind('s-1'))
            .thenNothingHappened(),
        ),
      ];
    } finally {
      for (const [name, value] of taken) runner[name] = value;
    }
    expect(outcomes.map((o) => (E.isLeft(o) ? (o.left as Error).name : 'passed'))).toEqual([
      'passed',
      'AssertionError',
      'passed',
      'passed',
    ]);
  });
});

describe('differences', () => {
  it('is empty for equal values, whatever the key order', () => {
    expect(differences({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toEqual([]);
  });

  it('names each differing leaf by its path', () => {
    expect(differences({ a: 1, 'odd key': { b: true } }, { a: 2, 'odd key': { b: false } }, 'v')).toEqual([
      'v.a: expected 1, got 2',
      'v["odd key"].b: expected true, got false',
    ]);
  });

  it('tells an array from an object of the same keys', () => {
    expect(differences({ 0: 'a' }, ['a'], 'v')).toEqual(['v: expected {"0":"a"}, got ["a"]']);
  });

  it('tells 0 from -0 and holds NaN equal to NaN, as Object.is does', () => {
    expect(differences([0, NaN], [-0, NaN], 'v')).toEqual(['v[0]: expected 0, got -0']);
  });
});
