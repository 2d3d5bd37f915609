import * as t from 'io-ts';
import type { TimelineSessions } from './timeline.sessions';
import {
  AgeGroup,
  Id,
  Instant,
  Label,
  LocalDate,
  Month,
  NonNegativeInteger,
  oneOf,
  SessionKind,
  SiteSetting,
  Table,
  Text,
  TrainingModule,
} from '@coachline/domain';

/** Unmet: `upcoming` before the window opens, `due` while open, `overdue` once closed. */
export const TimelineStatus = oneOf('TimelineStatus', 'upcoming', 'due', 'overdue', 'done', 'not-applicable');
export type TimelineStatus = t.TypeOf<typeof TimelineStatus>;

export const TimelineRequirementKind = oneOf(
  'TimelineRequirementKind',
  'once',
  'count',
  'monthly',
  'monthly-dosage',
  'each',
);

/** The recorded event that met a requirement: named by its id, not by where it sat in a list. */
export const TimelineMetBy = t.type({ eventId: Id, type: Id, date: LocalDate }, 'TimelineMetBy');
export type TimelineMetBy = t.TypeOf<typeof TimelineMetBy>;

export const TimelineWindow = t.type({ from: LocalDate, to: LocalDate }, 'TimelineWindow');

/** One requirement of the program guide as it stands for one subject; monthly ones appear once per month. */
export const TimelineRequirement = t.type(
  {
    requirementId: Id,
    title: Text,
    kind: TimelineRequirementKind,
    month: t.union([Month, t.null]),
    window: TimelineWindow,
    status: TimelineStatus,
    metBy: t.union([TimelineMetBy, t.null]),
    /** Met, but after the window closed. */
    late: t.boolean,
    /** For counted requirements (meetings, signatures): how many so far. */
    count: t.union([NonNegativeInteger, t.null]),
    /** More than the guide's maximum (more than 12 meetings). */
    exceeded: t.boolean,
    /** For monthly dosage: the counted minutes of the month and the guide's target. */
    minutes: t.union([NonNegativeInteger, t.null]),
    targetMinutes: t.union([NonNegativeInteger, t.null]),
    /** The guide's suggested months: a hint, never a deadline. */
    suggestedMonths: t.array(Month),
    /** Upcoming: days until the window opens. */
    opensInDays: t.union([NonNegativeInteger, t.null]),
    /** Due: days left until the window closes, 0 on its last day. */
    daysLeft: t.union([NonNegativeInteger, t.null]),
    /** Overdue: days since the window closed; done late: days after the window it was met. */
    daysOverdue: t.union([NonNegativeInteger, t.null]),
  },
  'TimelineRequirement',
);
export type TimelineRequirement = t.TypeOf<typeof TimelineRequirement>;

/** Who of a provider's site was at a training: the provider, and at the Director Training its site's leadership. */
export const TrainingAttendance = t.type(
  { provider: t.boolean, directors: NonNegativeInteger, administrativeStaff: NonNegativeInteger },
  'TrainingAttendance',
);
export type TrainingAttendance = t.TypeOf<typeof TrainingAttendance>;

export const TrainingAttended = t.intersection(
  [t.type({ trainingId: Id, module: TrainingModule, heldOn: LocalDate }), TrainingAttendance],
  'TrainingAttended',
);
export type TrainingAttended = t.TypeOf<typeof TrainingAttended>;

/** Who will facilitate the next Provider Collaboration Meeting, as the meeting that named them recorded it. */
export const NextFacilitators = t.type(
  { meetingId: Id, heldOn: LocalDate, facilitatorIds: t.array(Id) },
  'NextFacilitators',
);
export type NextFacilitators = t.TypeOf<typeof NextFacilitators>;

/** A module of the guide's focus sequence the provider's community has held, on the day it first held it. */
export const FocusModuleHeld = t.type({ module: TrainingModule, heldOn: LocalDate }, 'FocusModuleHeld');
export type FocusModuleHeld = t.TypeOf<typeof FocusModuleHeld>;

/** Before the preparing module is held, `not-yet`; after it, `preparing`; once the provider moved on, `transitioned`. */
export const YearTwoStatus = oneOf('YearTwoStatus', 'not-yet', 'preparing', 'transitioned');
export type YearTwoStatus = t.TypeOf<typeof YearTwoStatus>;

export const YearTwoStanding = t.type(
  { status: YearTwoStatus, transitionedOn: t.union([LocalDate, t.null]) },
  'YearTwoStanding',
);
export type YearTwoStanding = t.TypeOf<typeof YearTwoStanding>;

/** What coaching turns to as of the moment, by the modules of the guide's sequence the community has held. */
export const CoachingFocus = t.type(
  {
    /** In the guide's order, whatever order they were held in. */
    modulesHeld: t.array(FocusModuleHeld),
    /** The topics of the modules held, in the guide's order. */
    topics: t.array(Label),
    /** The first module of the sequence not yet held; null once all are. */
    nextModule: t.union([TrainingModule, t.null]),
    /** Null under a guide that sets no Year 2 transition. */
    yearTwo: t.union([YearTwoStanding, t.null]),
  },
  'CoachingFocus',
);
export type CoachingFocus = t.TypeOf<typeof CoachingFocus>;

export const ProviderTimeline = t.type(
  {
    providerId: Id,
    /** The provider's coach as known at the as-of moment. */
    coachId: t.union([Id, t.null]),
    communityId: Id,
    programYearId: Id,
    siteId: Id,
    /** Null while the provider's program year is not known as of the moment asked about. */
    guideId: t.union([Id, t.null]),
    setting: SiteSetting,
    enrolledOn: LocalDate,
    exitedOn: t.union([LocalDate, t.null]),
    requirements: t.array(TimelineRequirement),
    /** The trainings the provider, or its site's directors and administrative staff, attended, by date. */
    trainings: t.array(TrainingAttended),
    /** Null under a guide without a focus sequence, or while the program year is not known. */
    coachingFocus: t.union([CoachingFocus, t.null]),
  },
  'ProviderTimeline',
);
export type ProviderTimeline = t.TypeOf<typeof ProviderTimeline>;

export const CoachTimeline = t.type({ coachId: Id, requirements: t.array(TimelineRequirement) }, 'CoachTimeline');
export type CoachTimeline = t.TypeOf<typeof CoachTimeline>;

/** A community's program year: its own requirements and those of each of its coaches (Reflective Consultation). */
export const ProgramYearTimeline = t.type(
  {
    programYearId: Id,
    guideId: Id,
    startsOn: LocalDate,
    endsOn: LocalDate,
    requirements: t.array(TimelineRequirement),
    coaches: t.array(CoachTimeline),
    /** Named at the year's latest meeting that named them; null when no meeting did. */
    nextFacilitators: t.union([NextFacilitators, t.null]),
  },
  'ProgramYearTimeline',
);
export type ProgramYearTimeline = t.TypeOf<typeof ProgramYearTimeline>;

export const CommunityTimeline = t.type(
  { communityId: Id, programYears: t.array(ProgramYearTimeline) },
  'CommunityTimeline',
);
export type CommunityTimeline = t.TypeOf<typeof CommunityTimeline>;

/** The timeline / compliance view: every requirement of the guide per provider and per community, as of a moment. */
export const TimelineView = t.type(
  {
    asOf: Instant,
    /** The day the statuses are measured on: the as-of moment's UTC date. */
    on: LocalDate,
    providers: t.array(ProviderTimeline),
    communities: t.array(CommunityTimeline),
  },
  'TimelineView',
);
export type TimelineView = t.TypeOf<typeof TimelineView>;

/**
 * An event kept for the guide's requirements: its id (to name what met a requirement), its
 * type, the fields of its data the guides read, and its place in the fold's order.
 */
export interface TimelineRecord {
  seq: number;
  id: string;
  type: string;
  data: Record<string, unknown>;
}

/**
 * A session as the dosage rule stands it after its corrections (or voided), with its place in
 * the fold's order: all a monthly-dosage requirement reads of it.
 */
export interface TimelineSession {
  heldOn: string;
  durationMinutes: number;
  kind: SessionKind;
  loggedIndex: number;
}

/**
 * Whatever a subject's requirements need, bounded by what they can tell apart rather than by the
 * length of its history: the events that bear on it in fold order, less any that repeats an
 * earlier one in every field the guides read (it can never be the first to meet anything); and
 * its sessions, one entry each, folded by the dosage rule as they come.
 */
export interface TimelineSubject {
  events: TimelineRecord[];
  /** By session id, the session ledger's entry: corrections applied, voids final. */
  sessions?: TimelineSessions;
}

/**
 * A session ledger entry: the session once logged, whether it was voided, and the id of the event
 * that logged it, to name the session that met a month's dosage.
 */
export type SessionEntry = Partial<TimelineSession> & { readonly voided?: true; loggedEventId?: string };

export interface ProviderTimelineEntry extends TimelineSubject {
  enrollment?: {
    communityId: string;
    programYearId: string;
    siteId: string;
    setting: SiteSetting;
    enrolledOn: string;
    /** Which ASQ-SE2 questionnaires the provider's children need follows from these; absent in older kept state. */
    agesServed?: AgeGroup[];
  };
  /** The coach as of the newest event folded: the enrolment's, then each reassignment's. */
  coachId?: string;
  exitedOn?: string;
  /** Trainings the provider or its site staff attended, once each. */
  trainings?: TrainingAttended[];
  /** The day the provider moved on to Year 2, as first recorded. */
  transitionedToYear2On?: string;
}

export interface CommunityTimelineEntry extends TimelineSubject {
  registered?: true;
  /** The next facilitators each meeting named, once per meeting. */
  nextFacilitators?: NextFacilitators[];
}

export interface CoachTimelineEntry extends TimelineSubject {
  communityId?: string;
}

/** A screening's or an agreement's events belong to the provider its opening event names. */
export interface ProviderOwnedEntry extends TimelineSubject {
  providerId?: string;
}

/** What the fold keeps; JSON with tables keyed by id, so a runner can store it beside its checkpoint. */
export interface TimelineState {
  /** Events kept so far: orders a provider's own events among its screenings' and agreements'. */
  seq: number;
  programYears: Table<{ communityId: string; guideId: string; startsOn: string; endsOn: string }>;
  communities: Table<CommunityTimelineEntry>;
  coaches: Table<CoachTimelineEntry>;
  providers: Table<ProviderTimelineEntry>;
  screenings: Table<ProviderOwnedEntry>;
  agreements: Table<ProviderOwnedEntry>;
}
