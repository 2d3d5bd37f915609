import { CoachlineCommand, decideCommand, decodeCommand, recordedFrom, streamOfCommand } from '@coachline/domain';
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import type { EventStore, EventToAppend } from '../event-store';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import { collect } from '../testing';
import { DecidedStreams } from './decided-streams';
import { type CommandOutcome, handleCommand } from './handle-command';
import { loadStream } from './load-stream';
import type { CommandFailure } from './system-fault';

// Decisions on a kept stream state equal decisions on the whole stream read again, whatever the
// commands and whoever else writes in between: the same steps run on two stores, one handled with
// every stream read whole, the other through kept states (and a second writer with its own).

const PROVIDERS = ['p-1', 'p-2'] as const;
const COACHES = ['c-1', 'c-2'] as const;
const SESSIONS = ['s-1', 's-2', 's-3'] as const;

const decoded = (type: string, data: Record<string, unknown>, commandId: string): CoachlineCommand => {
  const result = decodeCommand({
    type,
    data,
    metadata: {
      actor: { id: 'c-1', role: 'coach' },
      issuedAt: '2025-10-01T12:00:00.000Z',
      commandId,
      correlationId: `corr-${commandId}`,
    },
  });
  if (E.isLeft(result)) throw new Error(`Invalid fixture: ${JSON.stringify(result.left)}`);
  return result.right;
};

const session = (providerId: string, sessionId: string, coachId: string) => ({
  providerId,
  sessionId,
  coachId,
  heldOn: '2025-09-16',
  durationMinutes: 45,
  kind: 'coaching-conversation',
  mode: 'in-person',
  agendaUsed: true,
  practices: ['schedules-routines'],
  strategies: ['modeling'],
});

const enrollment = (providerId: string, coachId: string) => ({
  providerId,
  communityId: 'community-north',
  programYearId: 'py-2025',
  name: 'Little Sprouts Learning Center',
  site: { siteId: 'site-1', name: 'Little Sprouts, Main Street', setting: 'center' },
  agesServed: ['toddler', 'preschool'],
  coachId,
  enrolledOn: '2025-09-01',
});

const child = { childRef: 'child-1', childName: 'Zephyrine Quillfeather', childBirthDate: '2023-04-17' };

/** A command of the small vocabulary below, made with the commandId it is sent under. */
type CommandMaker = (commandId: string) => CoachlineCommand;

const provider = fc.constantFrom(...PROVIDERS);
const coach = fc.constantFrom(...COACHES);
const sessionId = fc.constantFrom(...SESSIONS);

const commandMaker: fc.Arbitrary<CommandMaker> = fc.oneof(
  fc.tuple(provider, coach).map(
    ([p, c]): CommandMaker =>
      (id) =>
        decoded('EnrollProvider', enrollment(p, c), id),
  ),
  fc.tuple(provider, sessionId, coach).map(
    ([p, s, c]): CommandMaker =>
      (id) =>
        decoded('LogSession', session(p, s, c), id),
  ),
  fc.tuple(provider, sessionId).map(
    ([p, s]): CommandMaker =>
      (id) =>
        decoded('VoidSession', { providerId: p, sessionId: s, reason: 'logged twice' }, id),
  ),
  fc.tuple(provider, coach, coach).map(
    ([p, from, to]): CommandMaker =>
      (id) =>
        decoded('ReassignProvider', { providerId: p, fromCoachId: from, toCoachId: to, on: '2025-09-20' }, id),
  ),
  provider.map(
    (p): CommandMaker =>
      (id) =>
        decoded('ExitProvider', { providerId: p, on: '2025-12-01', reason: 'moved away' }, id),
  ),
  // A screening carries child data, which the store may keep sealed: read back rather than folded.
  fc.constant<CommandMaker>((id) =>
    decoded(
      'DistributeAsqSe2',
      { screeningId: 'scr-1', providerId: 'p-1', ageIntervalMonths: 24, distributedOn: '2025-08-04', ...child },
      id,
    ),
  ),
  fc.constant<CommandMaker>((id) =>
    decoded('ScoreAsqSe2', { screeningId: 'scr-1', score: 35, zone: 'monitoring', scoredOn: '2025-08-18' }, id),
  ),
  fc.constant<CommandMaker>((id) =>
    decoded('EraseChildData', { screeningId: 'scr-1', childRef: child.childRef, on: '2026-01-10' }, id),
  ),
);

/** Who sends a step: the kept states under test, a second writer with its own, or a bare append. */
type Writer = 'kept' | 'other' | 'bare';

interface Step {
  readonly writer: Writer;
  readonly command: CommandMaker;
  /** Sent again under the commandId of an earlier step (a retried request), when there is one. */
  readonly repeats: number | undefined;
  readonly ifMatch: number | 'no-stream' | undefined;
}

const step: fc.Arbitrary<Step> = fc.record({
  writer: fc.constantFrom<Writer>('kept', 'kept', 'kept', 'other', 'bare'),
  command: commandMaker,
  repeats: fc.option(fc.nat({ max: 5 }), { nil: undefined }),
  ifMatch: fc.option(fc.oneof(fc.nat({ max: 6 }), fc.constant<'no-stream'>('no-stream')), { nil: undefined }),
});

/**
 * A session logged by a writer outside command handling, as another process's append would be;
 * under an earlier step's commandId when it repeats one, so that a command's events may lie apart.
 */
const bareSession = (providerId: string, index: number, commandId: string): EventToAppend => ({
  id: `bare-${index}`,
  type: 'SessionLogged',
  schemaVersion: 1,
  data: session(providerId, `s-bare-${index}`, 'c-2'),
  metadata: {
    actor: { id: 'c-2', role: 'coach' },
    recordedAt: '2025-09-16T19:00:00.000Z',
    commandId,
    correlationId: `bare-${index}`,
  },
});

const stepIds = (steps: ReadonlyArray<Step>, index: number): string => {
  const repeated = steps[index]!.repeats;
  return repeated !== undefined && repeated < index ? `cmd-${repeated}` : `cmd-${index}`;
};

/**
 * What a command comes to when its stream is read whole, worked out on its own: the stream's
 * earlier events under its commandId, the If-Match refusal, or the decision on the whole history.
 */
const onTheWholeStream = async (
  store: EventStore,
  command: CoachlineCommand,
  ifMatch: number | 'no-stream' | undefined,
  newEventId: (index: number) => string,
): Promise<unknown> => {
  const { history, revision } = await loadStream(store, streamOfCommand(command));
  const earlier = history.filter((event) => event.metadata.commandId === command.metadata.commandId);
  if (earlier.length > 0) return { replayed: true, events: earlier, nextRevision: earlier.at(-1)!.revision };
  if (ifMatch !== undefined && ifMatch !== (revision ?? 'no-stream')) return 'revision-conflict';
  const decision = decideCommand(command, history);
  if (E.isLeft(decision)) return decision.left;
  const recorded = recordedFrom(command, decision.right, newEventId);
  return {
    replayed: false,
    events: recorded.map((event, i) => ({ ...event, revision: (revision ?? -1) + 1 + i })),
    nextRevision: (revision ?? -1) + recorded.length,
  };
};

/** The outcome in the shape `onTheWholeStream` gives it. */
const comparable = (result: E.Either<CommandFailure, CommandOutcome>): unknown => {
  if (E.isRight(result)) {
    const { replayed, events, nextRevision } = result.right;
    return { replayed, events, nextRevision };
  }
  return result.left._tag === 'DomainError' && result.left.code === 'revision-conflict'
    ? 'revision-conflict'
    : result.left;
};

/**
 * Runs the steps, each command with the kept states `streamsFor` gives its writer (none: every
 * stream read whole), and checks each outcome against the command decided on the whole stream
 * read just before; gives the outcome of each.
 */
const run = async (
  store: EventStore,
  steps: ReadonlyArray<Step>,
  streamsFor: (writer: Writer) => DecidedStreams | undefined,
): Promise<unknown[]> => {
  const outcomes: unknown[] = [];
  for (const [index, { writer, command, ifMatch }] of steps.entries()) {
    const made = command(stepIds(steps, index));
    if (writer === 'bare') {
      const providerId = (made.data as { providerId?: string }).providerId ?? 'p-1';
      await store.append(`provider-${providerId}`, [bareSession(providerId, index, stepIds(steps, index))], 'any');
      outcomes.push('bare');
      continue;
    }
    const decidedStreams = streamsFor(writer);
    const newEventId = (i: number) => `event-${index}-${i}`;
    const expected = await onTheWholeStream(store, made, ifMatch, newEventId);
    const outcome = await handleCommand(store, made, {
      newEventId,
      retryDelay: () => 0,
      ...(ifMatch === undefined ? {} : { expectedRevision: ifMatch }),
      ...(decidedStreams === undefined ? {} : { decidedStreams }),
    })();
    expect(comparable(outcome)).toEqual(expected);
    outcomes.push(outcome);
  }
  return outcomes;
};

describe('commands decided on kept stream states', () => {
  it('decide and answer exactly as with every stream read whole, whoever else writes in between', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 3 }),
        async (steps, capacity) => {
          const reread = new InMemoryEventStore();
          const kept = new InMemoryEventStore();
          const ours = new DecidedStreams({ capacity });
          const theirs = new DecidedStreams();

          const expected = await run(reread, steps, () => undefined);
          const actual = await run(kept, steps, (writer) => (writer === 'kept' ? ours : theirs));

          expect(actual).toEqual(expected);
          expect(await collect(kept.readAll())).toEqual(await collect(reread.readAll()));
          expect(ours.size).toBeLessThanOrEqual(capacity);
        },
      ),
      { numRuns: 200 },
    );
  });
});
