import * as O from 'fp-ts/Option';
import { pipe } from 'fp-ts/function';
import {
  AgeGroup,
  findGuide,
  ProgramGuide,
  requirementStatuses,
  RequirementScope,
  RequirementStatus,
  SiteSetting,
} from '@coachline/domain';
import { dayOf } from '../calendar';
import { compareText, sortedBy } from '../ordering';
import { ViewQuery, ViewTable } from '../projection';
import {
  CommunityTimeline,
  ProgramYearTimeline,
  ProviderTimeline,
  TimelineRecord,
  TimelineRequirement,
  TimelineState,
  TimelineSubject,
  TimelineView,
} from './timeline.view';
import { nextFacilitatorsWithin } from './timeline.gatherings';
import { standingSessions } from './timeline.sessions';
import { coachingFocusOf } from './timeline.focus';

interface Subject {
  readonly scope: RequirementScope;
  readonly setting?: SiteSetting;
  readonly enrolledOn?: string;
  readonly exitedOn?: string;
  readonly agesServed?: ReadonlyArray<AgeGroup>;
  readonly events: ReadonlyArray<TimelineRecord>;
}

type ProgramYear = TimelineState['programYears'][string];

const guideOf = (guideId: string): ProgramGuide | undefined => pipe(findGuide(guideId), O.toUndefined);

/** The domain reports the event that met a requirement by its index in the list it was given; the view names it. */
const toRequirement = (status: RequirementStatus, events: ReadonlyArray<TimelineRecord>): TimelineRequirement => {
  const met = status.metBy && events[status.metBy.index];
  return {
    requirementId: status.requirementId,
    title: status.title,
    kind: status.kind,
    month: status.month ?? null,
    window: { from: status.window.from, to: status.window.to },
    status: status.status,
    metBy: status.metBy && met ? { eventId: met.id, type: met.type, date: status.metBy.date } : null,
    late: status.late === true,
    count: status.count ?? null,
    exceeded: status.exceeded === true,
    minutes: status.minutes ?? null,
    targetMinutes: status.targetMinutes ?? null,
    suggestedMonths: [...(status.suggestedMonths ?? [])],
    opensInDays: status.opensInDays ?? null,
    daysLeft: status.daysLeft ?? null,
    daysOverdue: status.daysOverdue ?? null,
  };
};

const requirementsOf = (
  guide: ProgramGuide | undefined,
  programYear: ProgramYear,
  subject: Subject,
  on: string,
): TimelineRequirement[] => {
  if (!guide) return [];
  const statuses = requirementStatuses({
    guide,
    programYear: { startsOn: programYear.startsOn, endsOn: programYear.endsOn },
    scope: subject.scope,
    setting: subject.setting,
    enrolledOn: subject.enrolledOn,
    exitedOn: subject.exitedOn,
    agesServed: subject.agesServed,
    events: subject.events.map((record) => ({ type: record.type, data: record.data })),
    on,
  });
  return statuses.map((status) => toRequirement(status, subject.events));
};

/**
 * A subject's kept events with its standing sessions, each as the event that logged it carrying
 * the session as corrected: the guide's ledger, given these, counts what it would count given
 * every session event, and names the same logging event when a month meets its dosage.
 */
const recordsOf = (subjectId: string, subject: TimelineSubject): TimelineRecord[] => {
  const sessions = subject.sessions;
  if (sessions === undefined) return subject.events;
  const standing = standingSessions(sessions).map(
    ({ sessionId, heldOn, durationMinutes, kind, loggedIndex, loggedEventId }): TimelineRecord => ({
      seq: loggedIndex,
      id: loggedEventId,
      type: 'SessionLogged',
      data: { providerId: subjectId, sessionId, heldOn, durationMinutes, kind },
    }),
  );
  return sortedBy([...subject.events, ...standing], (record) => record.seq);
};

/** A provider's screenings and agreements, by provider: their events meet the provider's requirements. */
const ownedEventsByProvider = (state: TimelineState): Map<string, TimelineRecord[]> => {
  const owned = new Map<string, TimelineRecord[]>();
  for (const entry of [...Object.values(state.screenings), ...Object.values(state.agreements)]) {
    if (entry.providerId === undefined) continue;
    const events = owned.get(entry.providerId) ?? [];
    for (const record of entry.events) events.push(record);
    owned.set(entry.providerId, events);
  }
  return owned;
};

const providerTimelines = (state: TimelineState, on: string): ProviderTimeline[] => {
  const owned = ownedEventsByProvider(state);
  return Object.keys(state.providers)
    .sort(compareText)
    .flatMap((providerId): ProviderTimeline[] => {
      const provider = state.providers[providerId]!;
      const enrollment = provider.enrollment;
      if (!enrollment) return [];
      const programYear = state.programYears[enrollment.programYearId];
      const guide = programYear && guideOf(programYear.guideId);
      const events = sortedBy(
        [...recordsOf(providerId, provider), ...(owned.get(providerId) ?? [])],
        (record) => record.seq,
      );
      const subject = {
        scope: 'provider' as const,
        setting: enrollment.setting,
        enrolledOn: enrollment.enrolledOn,
        exitedOn: provider.exitedOn,
        agesServed: enrollment.agesServed,
        events,
      };
      return [
        {
          providerId,
          coachId: provider.coachId ?? null,
          communityId: enrollment.communityId,
          programYearId: enrollment.programYearId,
          siteId: enrollment.siteId,
          guideId: programYear && guide ? guide.guideId : null,
          setting: enrollment.setting,
          enrolledOn: enrollment.enrolledOn,
          exitedOn: provider.exitedOn ?? null,
          requirements: programYear ? requirementsOf(guide, programYear, subject, on) : [],
          coachingFocus:
            programYear && guide
              ? coachingFocusOf({
                  guide,
                  communityEvents: state.communities[enrollment.communityId]?.events ?? [],
                  programYear,
                  transitionedOn: provider.transitionedToYear2On,
                  on,
                })
              : null,
          trainings: sortedBy(
            (provider.trainings ?? []).map((training) => ({ ...training })),
            (training) => training.heldOn,
            (training) => training.trainingId,
          ),
        },
      ];
    });
};

const programYearTimeline = (
  state: TimelineState,
  communityId: string,
  programYearId: string,
  on: string,
): ProgramYearTimeline => {
  const programYear = state.programYears[programYearId]!;
  const guide = guideOf(programYear.guideId);
  const community = state.communities[communityId];
  const coaches = Object.keys(state.coaches)
    .filter((coachId) => state.coaches[coachId]!.communityId === communityId)
    .sort(compareText)
    .map((coachId) => ({
      coachId,
      requirements: requirementsOf(
        guide,
        programYear,
        { scope: 'coach', events: recordsOf(coachId, state.coaches[coachId]!) },
        on,
      ),
    }));
  return {
    programYearId,
    guideId: programYear.guideId,
    startsOn: programYear.startsOn,
    endsOn: programYear.endsOn,
    requirements: requirementsOf(
      guide,
      programYear,
      { scope: 'community', events: community ? recordsOf(communityId, community) : [] },
      on,
    ),
    coaches,
    nextFacilitators: nextFacilitatorsWithin(community?.nextFacilitators, programYear),
  };
};

const communityTimelines = (state: TimelineState, on: string): CommunityTimeline[] => {
  const yearsOf = (communityId: string) =>
    sortedBy(
      Object.keys(state.programYears).filter((id) => state.programYears[id]!.communityId === communityId),
      (id) => state.programYears[id]!.startsOn,
      (id) => id,
    );
  return Object.keys(state.communities)
    .sort(compareText)
    .filter((communityId) => state.communities[communityId]!.registered || yearsOf(communityId).length > 0)
    .map((communityId) => ({
      communityId,
      programYears: yearsOf(communityId).map((programYearId) =>
        programYearTimeline(state, communityId, programYearId, on),
      ),
    }));
};

/**
 * Renders the timeline as of `query.asOf`, measuring every status on that moment's date. A
 * provider asked for alone shows no community; a community asked for shows its providers too.
 */
export const renderTimeline = (state: TimelineState, query: ViewQuery): TimelineView => {
  const on = dayOf(query.asOf);
  const providers = providerTimelines(state, on).filter(
    (p) =>
      (query.providerId === undefined || p.providerId === query.providerId) &&
      (query.communityId === undefined || p.communityId === query.communityId),
  );
  const communities =
    query.providerId !== undefined && query.communityId === undefined
      ? []
      : communityTimelines(state, on).filter(
          (c) => query.communityId === undefined || c.communityId === query.communityId,
        );
  return { asOf: query.asOf, on, providers, communities };
};

const requirementCells = (r: TimelineRequirement) => [
  r.requirementId,
  r.title,
  r.kind,
  r.month,
  r.window.from,
  r.window.to,
  r.status,
  r.metBy?.eventId ?? null,
  r.metBy?.type ?? null,
  r.metBy?.date ?? null,
  r.late,
  r.count,
  r.exceeded,
  r.minutes,
  r.targetMinutes,
  r.opensInDays,
  r.daysLeft,
  r.daysOverdue,
];

/** One row per requirement of each provider, community and coach. */
export const timelineTable = (view: TimelineView): ViewTable => ({
  header: [
    'subject',
    'subjectId',
    'communityId',
    'programYearId',
    'requirementId',
    'title',
    'kind',
    'month',
    'windowFrom',
    'windowTo',
    'status',
    'metByEventId',
    'metByType',
    'metOn',
    'late',
    'count',
    'exceeded',
    'minutes',
    'targetMinutes',
    'opensInDays',
    'daysLeft',
    'daysOverdue',
  ],
  rows: [
    ...view.providers.flatMap((p) =>
      p.requirements.map((r) => ['provider', p.providerId, p.communityId, p.programYearId, ...requirementCells(r)]),
    ),
    ...view.communities.flatMap((c) =>
      c.programYears.flatMap((y) => [
        ...y.requirements.map((r) => [
          'community',
          c.communityId,
          c.communityId,
          y.programYearId,
          ...requirementCells(r),
        ]),
        ...y.coaches.flatMap((coach) =>
          coach.requirements.map((r) => [
            'coach',
            coach.coachId,
            c.communityId,
            y.programYearId,
            ...requirementCells(r),
          ]),
        ),
      ]),
    ),
  ],
});

/**
 * The status with the days it counts: until the window opens, left in it, past it, or how late it
 * was met. One column for both keeps a row within a line of 120 columns.
 */
const statusOf = (r: TimelineRequirement): string => {
  if (r.opensInDays !== null) return `${r.status} in ${r.opensInDays}d`;
  if (r.daysLeft !== null) return `${r.status}, ${r.daysLeft}d left`;
  if (r.daysOverdue !== null)
    return r.status === 'done' ? `done ${r.daysOverdue}d late` : `${r.status} by ${r.daysOverdue}d`;
  return r.status;
};

/** A window as ISO 8601 shortens an interval: the end's year left out when it is the start's. */
const windowOf = ({ from, to }: TimelineRequirement['window']): string =>
  `${from}–${to.slice(0, 4) === from.slice(0, 4) ? to.slice(5) : to}`;

const compactCells = (subject: string, subjectId: string, r: TimelineRequirement) => [
  subject,
  subjectId,
  r.requirementId,
  windowOf(r.window),
  statusOf(r),
  r.metBy?.date ?? null,
];

/**
 * The timeline for a terminal: the same rows as `timelineTable`, with the columns a reader scans
 * by, the status with its days, so that a row fits a line of 120 columns; the CSV keeps every column.
 */
export const timelineTerminalTable = (view: TimelineView): ViewTable => ({
  header: ['subject', 'subjectId', 'requirementId', 'window', 'status', 'metOn'],
  rows: [
    ...view.providers.flatMap((p) => p.requirements.map((r) => compactCells('provider', p.providerId, r))),
    ...view.communities.flatMap((c) =>
      c.programYears.flatMap((y) => [
        ...y.requirements.map((r) => compactCells('community', c.communityId, r)),
        ...y.coaches.flatMap((coach) => coach.requirements.map((r) => compactCells('coach', coach.coachId, r))),
      ]),
    ),
  ],
});
