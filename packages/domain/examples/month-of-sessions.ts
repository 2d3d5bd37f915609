/**
 * Embedding Coachline's domain: an application keeps its own event log (here, arrays in
 * memory), sends commands through the deciders, and reads the dosage with the guide's rule.
 * Run it with `npx tsx packages/domain/examples/month-of-sessions.ts`.
 */
import * as E from 'fp-ts/Either';
import * as O from 'fp-ts/Option';
import { pipe } from 'fp-ts/function';
import {
  CoachlineEvent,
  countedMinutesByMonth,
  decideCommand,
  decodeCommand,
  DomainError,
  findGuide,
  RecordedEvent,
  recordedFrom,
  requirementStatuses,
  streamOfCommand,
} from '@coachline/domain';

export interface EmbeddedProgram {
  /** Decodes, decides and records one command; a refusal comes back as a DomainError value. */
  send(command: unknown): E.Either<DomainError, ReadonlyArray<RecordedEvent>>;
  events(stream: string): ReadonlyArray<RecordedEvent>;
}

export const embeddedProgram = (): EmbeddedProgram => {
  const streams = new Map<string, RecordedEvent[]>();
  let lastEventNumber = 0;
  return {
    send: (input) =>
      pipe(
        decodeCommand(input),
        E.flatMap((command) => {
          const stream = streamOfCommand(command);
          const history = streams.get(stream) ?? [];
          return pipe(
            decideCommand(command, history),
            E.map((events) => {
              // The domain draws no ids and reads no clock: both come from the application.
              const recorded = recordedFrom(command, events, () => `event-${++lastEventNumber}`);
              streams.set(stream, [...history, ...recorded]);
              return recorded;
            }),
          );
        }),
      ),
    events: (stream) => streams.get(stream) ?? [],
  };
};

const coach = { id: 'c-03', role: 'coach' as const };
let commandNumber = 0;
const command = (type: string, data: Record<string, unknown>, issuedAt: string) => ({
  type,
  data,
  metadata: { actor: coach, issuedAt, commandId: `cmd-${++commandNumber}`, correlationId: `corr-${commandNumber}` },
});

const session = (sessionId: string, heldOn: string, durationMinutes: number, kind: string) =>
  command(
    'LogSession',
    {
      providerId: 'p-017',
      sessionId,
      coachId: 'c-03',
      heldOn,
      durationMinutes,
      kind,
      mode: 'in-person',
      agendaUsed: true,
      practices: ['schedules-routines'],
      strategies: ['modeling'],
    },
    `${heldOn}T18:00:00.000Z`,
  );

/** September 2025 for one provider: sessions, a correction, a void, and one refused command. */
export const recordSeptember = () => {
  const program = embeddedProgram();
  const outcomes = [
    program.send(
      command(
        'EnrollProvider',
        {
          providerId: 'p-017',
          communityId: 'kent',
          programYearId: 'py-2025',
          name: 'Ana Lima',
          site: { siteId: 'site-4', name: 'Maple Street Center', setting: 'center' },
          agesServed: ['preschool'],
          coachId: 'c-03',
          enrolledOn: '2025-09-02',
        },
        '2025-09-02T15:00:00.000Z',
      ),
    ),
    program.send(session('s-0410', '2025-09-04', 60, 'coaching-conversation')),
    program.send(session('s-0411', '2025-09-11', 45, 'observation')),
    program.send(session('s-0412', '2025-09-16', 45, 'coaching-conversation')),
    program.send(session('s-0413', '2025-09-18', 30, 'consultation')),
    program.send(session('s-0414', '2025-09-25', 40, 'coaching-conversation')),
    program.send(
      command(
        'CorrectSession',
        { providerId: 'p-017', sessionId: 's-0412', changes: { durationMinutes: 60 }, reason: 'Ran long.' },
        '2025-09-17T09:00:00.000Z',
      ),
    ),
    program.send(
      command(
        'VoidSession',
        { providerId: 'p-017', sessionId: 's-0414', reason: 'Logged twice.' },
        '2025-09-26T09:00:00.000Z',
      ),
    ),
    // Refused: the session was already voided.
    program.send(
      command(
        'VoidSession',
        { providerId: 'p-017', sessionId: 's-0414', reason: 'Again.' },
        '2025-09-27T09:00:00.000Z',
      ),
    ),
  ];

  const guide = pipe(
    findGuide('rir-year-1'),
    O.getOrElseW(() => {
      throw new Error('the RiR Year 1 guide ships with the domain');
    }),
  );
  const history: ReadonlyArray<CoachlineEvent> = program.events('provider-p-017');
  const minutes = countedMinutesByMonth(history, guide.dosage?.countedKinds ?? []);
  const september = requirementStatuses({
    guide,
    programYear: { startsOn: '2025-07-01', endsOn: '2026-06-30' },
    scope: 'provider',
    setting: 'center',
    enrolledOn: '2025-09-02',
    events: history,
    on: '2025-09-30',
  }).filter((status) => status.requirementId === 'dosage-2025-09');

  return {
    refusals: outcomes.flatMap((o) => (E.isLeft(o) ? [o.left.code] : [])),
    minutesByMonth: Object.fromEntries(minutes),
    septemberDosage: september.map(({ requirementId, status, minutes: counted, targetMinutes }) => ({
      requirementId,
      status,
      minutes: counted,
      targetMinutes,
    })),
  };
};

if (require.main === module) console.log(JSON.stringify(recordSeptember(), null, 2));
