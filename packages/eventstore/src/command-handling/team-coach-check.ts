import {
  type CoachlineCommand,
  type DomainError,
  findGuide,
  type ProgramGuide,
  type RecordedEvent,
  streamName,
  teamCoachOf,
  unapprovedSystemRefusal,
} from '@coachline/domain';
import * as E from 'fp-ts/Either';
import * as O from 'fp-ts/Option';
import type { EventStore } from '../event-store';
import type { GuideLookup } from './caseload-coach-check';
import { loadStream } from './load-stream';
import { type CommandFailure, systemFault } from './system-fault';

const registeredGuide: GuideLookup = (guideId) => O.toUndefined(findGuide(guideId));

const dataOf = (event: RecordedEvent): Readonly<Record<string, unknown>> =>
  event.data as Readonly<Record<string, unknown>>;

/** The community a team was registered in, from its stream's registration. */
const communityOfTeam = async (store: EventStore, teamId: string): Promise<string | undefined> => {
  const { history } = await loadStream(store, streamName('team', teamId));
  const registered = history.find((event) => event.type === 'TeamRegistered');
  return registered === undefined ? undefined : String(dataOf(registered)['communityId']);
};

/**
 * The guide of the community's program year on `on`: the newest year started on or before that
 * day, since years never overlap and a later one supersedes the one before.
 */
const guideOn = (history: ReadonlyArray<RecordedEvent>, on: string, guides: GuideLookup): ProgramGuide | undefined => {
  const started = history
    .filter((event) => event.type === 'ProgramYearStarted' && String(dataOf(event)['startsOn']) <= on)
    .reduce<RecordedEvent | undefined>(
      (newest, event) =>
        newest === undefined || String(dataOf(event)['startsOn']) >= String(dataOf(newest)['startsOn'])
          ? event
          : newest,
      undefined,
    );
  return started === undefined ? undefined : guides(String(dataOf(started)['guideId']));
};

/**
 * Whether the coach a team's registration or a coach assignment gives it may take it, under the
 * guide of the community's program year on that day (`unapprovedSystemRefusal`). The team's
 * decider decides on its own stream alone; the guide and the approval of the coaching system live
 * in the community's stream, so they are read here, before the command is handled, and handed to
 * the domain's pure rule as facts. An approval is never taken back, so a system read as approved
 * stays so while the command is decided.
 *
 * Other commands are let through without a read. The task never rejects: a store that fails is a
 * `SystemFault`, as in `handleCommand`.
 */
export const teamCoachCheck = async (
  store: EventStore,
  command: CoachlineCommand,
  guides: GuideLookup = registeredGuide,
): Promise<E.Either<CommandFailure, void>> => {
  const taking = teamCoachOf(command);
  if (taking === undefined) return E.right(undefined);
  try {
    const communityId =
      command.type === 'RegisterTeam'
        ? String((command.data as Readonly<Record<string, unknown>>)['communityId'])
        : await communityOfTeam(store, taking.teamId);
    // A team never registered is the team decider's to refuse, by its own rule.
    if (communityId === undefined) return E.right(undefined);
    const { history } = await loadStream(store, streamName('community', communityId));
    const guide = guideOn(history, taking.on, guides);
    if (guide?.teamCoachNeedsApprovedSystem !== true) return E.right(undefined);
    const systemApproved = history.some((event) => event.type === 'CoachingSystemApproved');
    const refusal: DomainError | undefined = unapprovedSystemRefusal(taking, { guide, systemApproved });
    return refusal === undefined ? E.right(undefined) : E.left(refusal);
  } catch (error) {
    return E.left(systemFault('store', `The coach of ${command.type} could not be checked`, error));
  }
};
