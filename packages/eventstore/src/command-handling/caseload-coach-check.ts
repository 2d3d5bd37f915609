import {
  caseloadCoachOf,
  type CoachlineCommand,
  type CoachState,
  type DomainError,
  evolveState,
  findGuide,
  type ProgramGuide,
  type RecordedEvent,
  streamName,
  unverifiedCoachRefusal,
} from '@coachline/domain';
import * as E from 'fp-ts/Either';
import * as O from 'fp-ts/Option';
import type { EventStore } from '../event-store';
import { loadStream } from './load-stream';
import { type CommandFailure, systemFault } from './system-fault';

/** A program year's guide by its id; the registry's by default, another for an embedder's own guides. */
export type GuideLookup = (guideId: string) => ProgramGuide | undefined;

const registeredGuide: GuideLookup = (guideId) => O.toUndefined(findGuide(guideId));

const dataOf = (event: RecordedEvent): Readonly<Record<string, unknown>> =>
  event.data as Readonly<Record<string, unknown>>;

/** The community and program year a provider was enrolled in, from their stream's enrollment. */
const enrollmentOf = async (
  store: EventStore,
  providerId: string,
): Promise<{ communityId: string; programYearId: string } | undefined> => {
  const { history } = await loadStream(store, streamName('provider', providerId));
  const enrolled = history.find((event) => event.type === 'ProviderEnrolled');
  if (enrolled === undefined) return undefined;
  const data = dataOf(enrolled);
  return { communityId: String(data['communityId']), programYearId: String(data['programYearId']) };
};

const guideOfYear = async (
  store: EventStore,
  communityId: string,
  programYearId: string,
  guides: GuideLookup,
): Promise<ProgramGuide | undefined> => {
  const { history } = await loadStream(store, streamName('community', communityId));
  const started = history.find(
    (event) => event.type === 'ProgramYearStarted' && dataOf(event)['programYearId'] === programYearId,
  );
  return started === undefined ? undefined : guides(String(dataOf(started)['guideId']));
};

/**
 * Whether the coach an enrollment or a reassignment gives a provider to may take them, under the
 * guide of the provider's program year (`unverifiedCoachRefusal`). The provider's decider decides
 * on its own stream alone, so that a decision is the one its history gives whether the state was
 * kept or read afresh; a coach's verification lives in the coach's stream and a year's guide in
 * the community's, so they are read here, before the command is handled, and handed to the
 * domain's pure rule as facts. Verification is never taken back, so a coach read as verified
 * stays so while the command is decided.
 *
 * Other commands are let through without a read. The task never rejects: a store that fails is a
 * `SystemFault`, as in `handleCommand`.
 */
export const caseloadCoachCheck = async (
  store: EventStore,
  command: CoachlineCommand,
  guides: GuideLookup = registeredGuide,
): Promise<E.Either<CommandFailure, void>> => {
  const taking = caseloadCoachOf(command);
  if (taking === undefined) return E.right(undefined);
  try {
    const data = command.data as Readonly<Record<string, unknown>>;
    const year =
      command.type === 'EnrollProvider'
        ? { communityId: String(data['communityId']), programYearId: String(data['programYearId']) }
        : await enrollmentOf(store, String(data['providerId']));
    // A provider never enrolled is the provider decider's to refuse, by its own rule.
    if (year === undefined) return E.right(undefined);
    const guide = await guideOfYear(store, year.communityId, year.programYearId, guides);
    if (guide?.caseloadNeedsVerifiedCoach !== true) return E.right(undefined);
    const { history } = await loadStream(store, streamName('coach', taking.coachId));
    const coach = evolveState('coach', history).folded as CoachState;
    const refusal: DomainError | undefined = unverifiedCoachRefusal(taking, { coach, guide });
    return refusal === undefined ? E.right(undefined) : E.left(refusal);
  } catch (error) {
    return E.left(systemFault('store', `The coach of ${command.type} could not be checked`, error));
  }
};
