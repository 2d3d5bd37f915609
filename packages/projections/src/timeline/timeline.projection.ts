import {
  emptyTable,
  entryOf,
  findEventDefinition,
  programGuides,
  RecordedEvent,
  recordSessionEvent,
  StreamKind,
  Table,
} from '@coachline/domain';
import { interned } from '../interned';
import { Projection, SubjectRef } from '../projection';
import { renderTimeline, timelineTable, timelineTerminalTable } from './timeline.render';
import { recordNextFacilitators, recordTrainingAttendance, trainingSubjects } from './timeline.gatherings';
import { keepSessionEntry, noSessions, sessionEntryOf } from './timeline.sessions';
import {
  SessionEntry,
  TimelineRecord,
  TimelineSession,
  TimelineState,
  TimelineSubject,
  TimelineView,
} from './timeline.view';

const SESSION_TYPES = ['SessionLogged', 'SessionCorrected', 'SessionVoided'];

/**
 * A session's entry as the dosage rule leaves it after the event folded at `seq`: the entry the
 * rule logged at `seq` was logged by `eventId`; a corrected one keeps the id of the event that
 * logged it. Its kind is one shared text (see `interned`).
 */
type LoggedSession = TimelineSession & { loggedEventId: string };

const keptSession =
  (seq: number, eventId: string) =>
  (session: TimelineSession & { loggedEventId?: string }): LoggedSession => ({
    heldOn: session.heldOn,
    durationMinutes: session.durationMinutes,
    kind: interned(session.kind),
    loggedIndex: session.loggedIndex,
    loggedEventId: session.loggedIndex === seq ? eventId : (session.loggedEventId ?? ''),
  });

/**
 * The fields of each event type the guides read: the date that places it, the fields a
 * requirement matches on, counts distinct values of, or takes the month from. Only these are
 * kept, so the state stays small and holds nothing the timeline does not show.
 */
const fieldsRead: ReadonlyMap<string, ReadonlyArray<string>> = (() => {
  const fields = new Map<string, Set<string>>();
  const readOf = (match: { type: string; dateField: string; where?: Record<string, string> }): Set<string> => {
    const read = fields.get(match.type) ?? new Set<string>();
    read.add(match.dateField);
    Object.keys(match.where ?? {}).forEach((field) => read.add(field));
    fields.set(match.type, read);
    return read;
  };
  for (const requirement of programGuides.flatMap((guide) => guide.requirements)) {
    if (!('event' in requirement)) continue;
    const read = readOf(requirement.event);
    if ('distinctBy' in requirement && requirement.distinctBy) read.add(requirement.distinctBy);
    if ('monthField' in requirement && requirement.monthField) read.add(requirement.monthField);
    if ('perAgeServed' in requirement && requirement.perAgeServed) read.add(requirement.perAgeServed.field);
    // An `each` requirement ties its event to its opener by a key both carry: a screening's id, never a child's.
    if (requirement.kind === 'each') [read, readOf(requirement.opener)].forEach((kept) => kept.add(requirement.key));
    // An erasure closes an `each` line by the same key.
    if (requirement.kind === 'each' && requirement.closedBy) readOf(requirement.closedBy).add(requirement.key);
  }
  // A guide's focus sequence widens with each module its community holds.
  if (programGuides.some((guide) => guide.focusSequence !== undefined))
    readOf({ type: 'TrainingHeld', dateField: 'heldOn' }).add('module');
  return new Map([...fields].map(([type, read]) => [type, [...read]]));
})();

/**
 * Types a requirement counts one event at a time (a count without `distinctBy`): each repeat
 * adds one, so none is ever dropped as a repeat.
 */
const countedOneByOne: ReadonlySet<string> = new Set(
  programGuides
    .flatMap((guide) => guide.requirements)
    .flatMap((requirement) =>
      requirement.kind === 'count' && requirement.distinctBy === undefined ? [requirement.event.type] : [],
    ),
);

/**
 * The fields a guide reads of an event, with the texts among them shared: most kept events of a
 * type read alike across subjects (the same day, the same module), so one object stands for each
 * distinct reading, up to a bound, and a repeat of it is found by identity.
 */
const readings = new Map<string, Record<string, unknown>>();
const MAX_READINGS = 50_000;

const keptData = (type: string, data: Record<string, unknown>): Record<string, unknown> => {
  const kept: Record<string, unknown> = {};
  for (const field of fieldsRead.get(type) ?? []) {
    if (!Object.hasOwn(data, field)) continue;
    const value = data[field];
    kept[field] = typeof value === 'string' ? interned(value) : value;
  }
  const key = `${type}\u0000${JSON.stringify(kept)}`;
  const held = readings.get(key);
  if (held !== undefined) return held;
  if (readings.size < MAX_READINGS) readings.set(key, kept);
  return kept;
};

const sameValue = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Whether two kept events read alike in every field a guide reads. */
const readAlike = (a: TimelineRecord, b: TimelineRecord): boolean => {
  if (a.type !== b.type) return false;
  if (a.data === b.data) return true;
  const fields = Object.keys(a.data);
  return (
    fields.length === Object.keys(b.data).length &&
    fields.every((field) => Object.hasOwn(b.data, field) && sameValue(a.data[field], b.data[field]))
  );
};

const keptTypes = new Set<string>([...fieldsRead.keys()]);

/**
 * The table of the state that holds the subjects of each kind of stream; a team's events meet no
 * requirement of a provider or a community, so the timeline keeps none of them.
 */
const TABLE_OF_KIND = {
  provider: 'providers',
  community: 'communities',
  coach: 'coaches',
  screening: 'screenings',
  agreement: 'agreements',
  team: undefined,
} as const satisfies Record<StreamKind, keyof TimelineState | undefined>;

const subjectsOf = (state: TimelineState, kind: StreamKind): Table<TimelineSubject> | undefined => {
  const table = TABLE_OF_KIND[kind];
  return table === undefined ? undefined : state[table];
};

const subjectOf = (state: TimelineState, event: RecordedEvent): TimelineSubject | undefined => {
  const definition = findEventDefinition(event.type);
  const subjectId = definition && entryOf(event.data as Record<string, unknown>, definition.streamIdField);
  if (!definition || typeof subjectId !== 'string') return undefined;
  const subjects = subjectsOf(state, definition.streamKind);
  if (subjects === undefined) return undefined;
  return (subjects[subjectId] ??= { events: [] });
};

/**
 * Keeps an event with the subject its stream names (a provider, a screening, an agreement, a
 * community, a coach). A repeat of an event already kept, dated the same and alike in every
 * field read, comes later in the fold's order, so it is never the first to meet a requirement,
 * nor a new distinct value: it is counted in `seq` (which only orders) and not kept.
 */
const keep = (state: TimelineState, event: RecordedEvent): void => {
  const subject = subjectOf(state, event);
  if (!subject) return;
  state.seq += 1;
  const type = interned(event.type);
  const record = { seq: state.seq, id: event.id, type, data: keptData(type, event.data as Record<string, unknown>) };
  if (!countedOneByOne.has(event.type) && subject.events.some((kept) => readAlike(kept, record))) return;
  subject.events.push(record);
};

/** One table for every session event: a fold runs one event at a time, and the table is empty between two. */
const ledger = emptyTable<SessionEntry>();

/** Folds a session event into its provider's sessions by the dosage rule, as the guide's ledger would. */
const recordSession = (state: TimelineState, event: RecordedEvent): void => {
  const subject = subjectOf(state, event);
  const sessionId = entryOf(event.data as Record<string, unknown>, 'sessionId');
  if (!subject || typeof sessionId !== 'string') return;
  state.seq += 1;
  const sessions = (subject.sessions ??= noSessions());
  // The domain's ledger folds the event into a table of the one session it names, emptied after.
  const entry = sessionEntryOf(sessions, sessionId);
  if (entry !== undefined) ledger[sessionId] = entry;
  recordSessionEvent<LoggedSession>(ledger, event, state.seq, keptSession(state.seq, event.id));
  const recorded = entryOf(ledger, sessionId);
  delete ledger[sessionId];
  if (recorded !== undefined && recorded !== entry) keepSessionEntry(sessions, sessionId, recorded);
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
      const { communityId, programYearId, site, enrolledOn, coachId, agesServed } = event.data;
      const provider = (state.providers[event.data.providerId] ??= { events: [] });
      provider.enrollment = {
        communityId,
        programYearId,
        siteId: site.siteId,
        setting: site.setting,
        enrolledOn,
        agesServed: [...agesServed],
      };
      provider.coachId = coachId;
      break;
    }
    case 'ProviderReassigned':
      (state.providers[event.data.providerId] ??= { events: [] }).coachId = event.data.toCoachId;
      break;
    case 'ProviderTransitionedToYear2':
      (state.providers[event.data.providerId] ??= { events: [] }).transitionedToYear2On ??= event.data.on;
      break;
    case 'ProviderExited':
      (state.providers[event.data.providerId] ??= { events: [] }).exitedOn = event.data.on;
      break;
    case 'AgreementDrafted':
      (state.agreements[event.data.agreementId] ??= { events: [] }).providerId ??= event.data.providerId;
      break;
    case 'AsqSe2Distributed':
      (state.screenings[event.data.screeningId] ??= { events: [] }).providerId ??= event.data.providerId;
      break;
    case 'TrainingHeld':
      recordTrainingAttendance(state, event);
      break;
    case 'ProviderCollaborationMeetingHeld':
      recordNextFacilitators(state, event);
      break;
    default:
      break;
  }
  if (keptTypes.has(event.type)) keep(state, event);
  else if (SESSION_TYPES.includes(event.type)) recordSession(state, event);
  return state;
};

/**
 * Where each requirement of the program guide stands, per provider and per community (with
 * its coaches), as of a moment, and each provider's coaching focus by the modules its community
 * held. The domain's `requirementStatuses` decides every status; this fold only gathers the
 * events each subject's requirements need.
 */
export const timelineProjection: Projection<TimelineState, TimelineView> = {
  name: 'timeline',
  version: 10,
  eventTypes: [
    ...new Set([
      'ProgramYearStarted',
      'CommunityRegistered',
      'CoachRegistered',
      'ProviderEnrolled',
      'ProviderReassigned',
      'ProviderExited',
      'ProviderTransitionedToYear2',
      'AgreementDrafted',
      'AsqSe2Distributed',
      'TrainingHeld',
      'ProviderCollaborationMeetingHeld',
      ...keptTypes,
      ...SESSION_TYPES,
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
  subjects: {
    tables: ['programYears', 'communities', 'coaches', 'providers', 'screenings', 'agreements'],
    changedBy: (_state, event) => {
      const definition = findEventDefinition(event.type);
      const subjectId = definition && entryOf(event.data as Record<string, unknown>, definition.streamIdField);
      const table = definition && TABLE_OF_KIND[definition.streamKind];
      const stream: SubjectRef[] = table !== undefined && typeof subjectId === 'string' ? [[table, subjectId]] : [];
      // A program year's start also opens its community's entry; a training adds to each provider it names.
      return event.type === 'ProgramYearStarted'
        ? [...stream, ['programYears', event.data.programYearId], ['communities', event.data.communityId]]
        : [...stream, ...trainingSubjects(event)];
    },
  },
  view: renderTimeline,
  viewCodec: TimelineView,
  table: timelineTable,
  terminalTable: timelineTerminalTable,
};
