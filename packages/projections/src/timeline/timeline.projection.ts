import {
  emptyTable,
  entryOf,
  findEventDefinition,
  programGuides,
  RecordedEvent,
  StreamKind,
  Table,
} from '@coachline/domain';
import { Projection } from '../projection';
import { renderTimeline, timelineTable } from './timeline.render';
import { TimelineState, TimelineSubject, TimelineView } from './timeline.view';

const SESSION_TYPES = ['SessionLogged', 'SessionCorrected', 'SessionVoided'];

/**
 * The fields of each event type the guides read: the date that places it, the fields a
 * requirement matches on, counts distinct values of, or takes the month from. Only these are
 * kept, so the state stays small and holds nothing the timeline does not show.
 */
const fieldsRead: ReadonlyMap<string, ReadonlyArray<string>> = (() => {
  const fields = new Map<string, Set<string>>();
  for (const requirement of programGuides.flatMap((guide) => guide.requirements)) {
    if (!('event' in requirement)) continue;
    const read = fields.get(requirement.event.type) ?? new Set<string>();
    read.add(requirement.event.dateField);
    Object.keys(requirement.event.where ?? {}).forEach((field) => read.add(field));
    if ('distinctBy' in requirement && requirement.distinctBy) read.add(requirement.distinctBy);
    if ('monthField' in requirement && requirement.monthField) read.add(requirement.monthField);
    fields.set(requirement.event.type, read);
  }
  return new Map([...fields].map(([type, read]) => [type, [...read]]));
})();

/** Free text a session carries that no requirement reads. */
const SESSION_TEXT = ['summary', 'nextSteps'];

const withoutSessionText = (data: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(data).filter(([field]) => !SESSION_TEXT.includes(field)));

/**
 * Sessions are kept whole but for their free text, because the domain's session ledger checks
 * them against their codecs before it applies corrections and voids.
 */
const keptData = (type: string, data: Record<string, unknown>): Record<string, unknown> => {
  if (type === 'SessionLogged') return withoutSessionText(data);
  if (type === 'SessionCorrected' && typeof data.changes === 'object' && data.changes !== null)
    return { ...data, changes: withoutSessionText(data.changes as Record<string, unknown>) };
  if (SESSION_TYPES.includes(type)) return data;
  return Object.fromEntries(
    (fieldsRead.get(type) ?? []).filter((field) => Object.hasOwn(data, field)).map((field) => [field, data[field]]),
  );
};

const keptTypes = new Set<string>([...fieldsRead.keys(), ...SESSION_TYPES]);

const subjectsOf = (state: TimelineState, kind: StreamKind): Table<TimelineSubject> =>
  ({
    provider: state.providers,
    community: state.communities,
    coach: state.coaches,
    screening: state.screenings,
    agreement: state.agreements,
  })[kind];

/** Keeps an event with the subject its stream names (a provider, a screening, an agreement, a community, a coach). */
const keep = (state: TimelineState, event: RecordedEvent): void => {
  const definition = findEventDefinition(event.type);
  const data = event.data as Record<string, unknown>;
  const subjectId = definition && entryOf(data, definition.streamIdField);
  if (!definition || typeof subjectId !== 'string') return;
  const subjects = subjectsOf(state, definition.streamKind);
  const subject = (subjects[subjectId] ??= { events: [] });
  state.seq += 1;
  subject.events.push({ seq: state.seq, id: event.id, type: event.type, data: keptData(event.type, data) });
};

const apply = (state: TimelineState, event: RecordedEvent): TimelineState => {
  switch (event.type) {
    case 'ProgramYearStarted': {
      const { communityId, programYearId, guideId, startsOn, endsOn } = event.data;
      state.programYears[programYearId] = { communityId, guideId, startsOn, endsOn };
      state.communities[communityId] ??= { events: [] };
      break;
    }
    case 'CommunityRegistered':
      (state.communities[event.data.communityId] ??= { events: [] }).registered = true;
      break;
    case 'CoachRegistered':
      (state.coaches[event.data.coachId] ??= { events: [] }).communityId = event.data.communityId;
      break;
    case 'ProviderEnrolled': {
      const { communityId, programYearId, site, enrolledOn } = event.data;
      (state.providers[event.data.providerId] ??= { events: [] }).enrollment = {
        communityId,
        programYearId,
        setting: site.setting,
        enrolledOn,
      };
      break;
    }
    case 'ProviderExited':
      (state.providers[event.data.providerId] ??= { events: [] }).exitedOn = event.data.on;
      break;
    case 'AgreementDrafted':
      (state.agreements[event.data.agreementId] ??= { events: [] }).providerId ??= event.data.providerId;
      break;
    case 'AsqSe2Distributed':
      (state.screenings[event.data.screeningId] ??= { events: [] }).providerId ??= event.data.providerId;
      break;
    default:
      break;
  }
  if (keptTypes.has(event.type)) keep(state, event);
  return state;
};

/**
 * Where each requirement of the program guide stands, per provider and per community (with
 * its coaches), as of a moment. The domain's `requirementStatuses` decides every status; this
 * fold only gathers the events each subject's requirements need.
 */
export const timelineProjection: Projection<TimelineState, TimelineView> = {
  name: 'timeline',
  version: 1,
  eventTypes: [
    ...new Set([
      'ProgramYearStarted',
      'CommunityRegistered',
      'CoachRegistered',
      'ProviderEnrolled',
      'ProviderExited',
      'AgreementDrafted',
      'AsqSe2Distributed',
      ...keptTypes,
    ]),
  ],
  init: () => ({
    seq: 0,
    programYears: emptyTable(),
    communities: emptyTable(),
    coaches: emptyTable(),
    providers: emptyTable(),
    screenings: emptyTable(),
    agreements: emptyTable(),
  }),
  apply,
  view: renderTimeline,
  viewCodec: TimelineView,
  table: timelineTable,
};
