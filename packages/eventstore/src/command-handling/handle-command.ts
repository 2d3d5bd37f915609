import {
  CoachlineCommand,
  conflict,
  decideOnState,
  decodeCommand,
  DomainError,
  encodeRecordedEvent,
  findCommandDefinition,
  RecordedEvent,
  recordedFrom,
  streamOfCommand,
  type StreamState,
} from '@coachline/domain';
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import * as TE from 'fp-ts/TaskEither';
import { isRevisionConflict } from '../errors';
import type { EventStore, EventToAppend } from '../event-store';
import { afterAppend, type DecidedStream, readCommandBack, revisionsOfCommand } from './decided-stream';
import { DecidedStreams } from './decided-streams';
import type { PlacedEvent } from './load-stream';
import { type CommandFailure, systemFault } from './system-fault';

export interface HandleCommandOptions {
  /** The id of the command's n-th event; asked afresh on every attempt. */
  readonly newEventId: (index: number) => string;
  /** Attempts in all (load, decide, append) while other writers keep getting in first; 5 by default. */
  readonly maxAttempts?: number;
  /** The revision the caller last saw (the API's If-Match): a mismatch is a conflict at once, never retried. */
  readonly expectedRevision?: number | 'no-stream';
  /** Milliseconds to wait before attempt `n` (2, 3, …); jittered exponential backoff by default. */
  readonly retryDelay?: (attempt: number) => number;
  /**
   * The streams' decided state kept between commands (one per store), so that each command reads
   * only the stream's tail; without it every command reads its stream whole.
   */
  readonly decidedStreams?: DecidedStreams;
  /**
   * The caller's own policy, judged on the stream's state as the command is decided on it (the
   * API's check that a provider is on the coach's caseload): a refusal it gives is the answer,
   * before anything else. Asked again on every attempt, so a stream that another writer changed
   * is judged as it is now.
   */
  readonly policyRefusal?: (state: StreamState) => DomainError | undefined;
}

export interface CommandOutcome {
  readonly stream: string;
  /** The command's events with their revisions; replayed ones also carry their positions. */
  readonly events: ReadonlyArray<PlacedEvent>;
  /** The stream's revision after the command (-1 for a stream that still does not exist). */
  readonly nextRevision: number;
  /** The global position of the command's last event (of the stream's last one if it produced none). */
  readonly lastPosition: number;
  /** True when the command had been handled before and this is its first outcome again. */
  readonly replayed: boolean;
}

const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * Writers that lost a race on one stream would otherwise all reload and collide again at once
 * (a burst of retried commands after a restart does exactly that), so each waits a random share
 * of a window that doubles with every attempt: 0–10 ms, 0–20 ms, 0–40 ms, 0–80 ms.
 */
const jitteredBackoff = (attempt: number): number => Math.random() * 5 * 2 ** (attempt - 1);

const pause = (ms: number): Promise<void> =>
  ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();

const revisionConflict = (message: string): DomainError =>
  conflict('revision-conflict', message, [{ path: 'expectedRevision', message }]);

const describeRevision = (revision: number | 'no-stream' | undefined): string =>
  revision === undefined || revision === 'no-stream' ? 'no stream' : `revision ${revision}`;

/** A repeated commandId is answered with what the stream already holds for it, read back from the store. */
const earlierOutcome = async (
  store: EventStore,
  decided: DecidedStream,
  commandId: string,
): Promise<CommandOutcome | undefined> => {
  const events = await readCommandBack(store, decided, commandId);
  const last = events.at(-1);
  if (last === undefined) return undefined;
  return { stream: decided.stream, events, nextRevision: last.revision, lastPosition: last.position, replayed: true };
};

const toAppend = (event: RecordedEvent): EventToAppend => {
  const { id, type, schemaVersion, data, metadata } = encodeRecordedEvent(event);
  return { id, type, schemaVersion, data, metadata } as EventToAppend;
};

type Attempt = E.Either<CommandFailure, CommandOutcome> | 'lost-race';

/** What deciding on a trusted kept state gives when its answer needs a read of the store to stand. */
type Unconfirmed = 'unconfirmed';

/**
 * Decides `command` on `decided` and appends at its revision. `trusting`: `decided` was not read
 * just now but kept from this process's own append, so only an append the store accepts at that
 * revision stands; anything else (a refusal, nothing to record, an append refused for its
 * revision) is `'unconfirmed'`, to be decided again on what the store holds.
 */
const decideAndAppend = async (
  store: EventStore,
  command: CoachlineCommand,
  options: HandleCommandOptions,
  streams: DecidedStreams,
  decided: DecidedStream,
  trusting: boolean,
): Promise<Attempt | Unconfirmed> => {
  const { stream, revision } = decided;
  const refusedByPolicy = options.policyRefusal?.(decided.state);
  if (refusedByPolicy) return trusting ? 'unconfirmed' : E.left(refusedByPolicy);

  // Another writer may since have added to an earlier outcome: only a read tells it whole.
  if (trusting && revisionsOfCommand(decided, command.metadata.commandId) !== undefined) return 'unconfirmed';
  let replay: CommandOutcome | undefined;
  try {
    replay = await earlierOutcome(store, decided, command.metadata.commandId);
  } catch (error) {
    return E.left(systemFault('store', `Stream ${stream} could not be read`, error));
  }
  if (replay) return E.right(replay);

  const ifMatch = options.expectedRevision;
  if (ifMatch !== undefined && ifMatch !== (revision ?? 'no-stream'))
    return trusting
      ? 'unconfirmed'
      : E.left(
          revisionConflict(
            `Stream ${stream} is at ${describeRevision(revision)}, not at ${describeRevision(ifMatch)}.`,
          ),
        );

  const decision = decideOnState(command, decided.state);
  if (E.isLeft(decision)) return trusting ? 'unconfirmed' : decision;
  const recorded = recordedFrom(command, decision.right, options.newEventId);
  const astray = recorded.find((event) => event.stream !== stream);
  if (astray) throw new Error(`${command.type} decided a ${astray.type} for stream ${astray.stream}, not ${stream}.`);
  if (recorded.length === 0)
    return trusting
      ? 'unconfirmed'
      : E.right({
          stream,
          events: [],
          nextRevision: revision ?? -1,
          lastPosition: decided.lastPosition,
          replayed: false,
        });

  const appended = recorded.map(toAppend);
  try {
    const { nextRevision, lastPosition } = await store.append(stream, appended, revision ?? 'no-stream');
    const first = nextRevision - recorded.length + 1;
    const events = recorded.map((event, i): PlacedEvent => ({ ...event, revision: first + i }));
    const after = afterAppend(decided, recorded, nextRevision, lastPosition);
    // Events read back rather than kept as decided (child data): the next command reads them.
    if (after) streams.keepAppended(store, after);
    else streams.keep(decided);
    return E.right({ stream, events, nextRevision, lastPosition, replayed: false });
  } catch (error) {
    if (!isRevisionConflict(error))
      return E.left(systemFault('store', `The events of ${command.type} could not be appended to ${stream}`, error));
    streams.rivalFound(stream);
    if (trusting) return 'unconfirmed';
    return ifMatch === undefined
      ? 'lost-race'
      : E.left(revisionConflict(`Stream ${stream} changed after it was read at ${describeRevision(ifMatch)}.`));
  }
};

/**
 * One attempt: on the kept state when this process wrote the stream's last events, which saves
 * reading the stream's tail; otherwise, or when that does not settle it, on the state read from
 * the store.
 */
const attempt = async (
  store: EventStore,
  command: CoachlineCommand,
  options: HandleCommandOptions,
  streams: DecidedStreams,
): Promise<Attempt> => {
  const stream = streamOfCommand(command);
  const trusted = streams.trusted(store, stream);
  if (trusted) {
    const settled = await decideAndAppend(store, command, options, streams, trusted, true);
    if (settled !== 'unconfirmed') return settled;
  }
  const kind = findCommandDefinition(command.type)!.streamKind;
  let decided: DecidedStream;
  try {
    decided = await streams.current(store, stream, kind);
  } catch (error) {
    return E.left(systemFault('store', `Stream ${stream} could not be read`, error));
  }
  return (await decideAndAppend(store, command, options, streams, decided, false)) as Attempt;
};

const attempts = async (
  store: EventStore,
  command: CoachlineCommand,
  options: HandleCommandOptions,
): Promise<E.Either<CommandFailure, CommandOutcome>> => {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isSafeInteger(maxAttempts) || maxAttempts < 1)
    throw new RangeError(`maxAttempts must be a positive integer, got ${maxAttempts}.`);
  const retryDelay = options.retryDelay ?? jitteredBackoff;
  // Without kept streams, one command's attempts still read on from where the last one read.
  const streams = options.decidedStreams ?? new DecidedStreams({ capacity: 1 });
  for (let tried = 1; tried <= maxAttempts; tried++) {
    if (tried > 1) await pause(retryDelay(tried));
    const outcome = await attempt(store, command, options, streams);
    if (outcome !== 'lost-race') return outcome;
  }
  return E.left(
    revisionConflict(
      `Stream ${streamOfCommand(command)} kept changing: other writers got in first ${maxAttempts} times.`,
    ),
  );
};

/**
 * Handles a decoded command: reads its stream, folds and decides, and appends at the revision it
 * read. When another writer gets in first it reads on from there and decides again (up to
 * `maxAttempts`), unless the caller named the revision it saw. Given `decidedStreams`, it starts
 * from the state kept for the stream and reads only the events stored since, or nothing at all
 * when this process appended the stream's last kept events (an append the store then refuses for
 * its revision, or any other answer, is decided again on a read); the decision is the one a read
 * of the whole stream would give.
 *
 * The task never rejects. The caller's faults are `DomainError`s; the system's are
 * `SystemFault`s on the same side, told apart by `_tag`: a store that fails or holds an event
 * the domain cannot read (`origin: 'store'`), and a bug or an impossible option (`'defect'`).
 * An application turns a `SystemFault` back into a throw where its framework answers those.
 */
export const handleCommand =
  (
    store: EventStore,
    command: CoachlineCommand,
    options: HandleCommandOptions,
  ): TE.TaskEither<CommandFailure, CommandOutcome> =>
  async () => {
    try {
      return await attempts(store, command, options);
    } catch (error) {
      return E.left(systemFault('defect', `${command.type} could not be handled`, error));
    }
  };

/** Decodes a command as it arrived (every wrong field reported at once), then handles it. */
export const decodeAndHandleCommand = (
  store: EventStore,
  input: unknown,
  options: HandleCommandOptions,
): TE.TaskEither<CommandFailure, CommandOutcome> =>
  pipe(
    TE.fromEither(decodeCommand(input)),
    TE.flatMap((command) => handleCommand(store, command, options)),
  );
