import * as t from 'io-ts';
import { ById } from '../by-id';
import {
  Id,
  Instant,
  Label,
  Labels,
  LocalDate,
  NonNegativeInteger,
  PositiveInteger,
  Table,
  Text,
} from '@coachline/domain';

/**
 * The confidential share (rule 10, STARS `002`): to program leadership, the local CCR&R and
 * the state bureau, coaches share only practice lists, goals, the dates and durations of
 * coaching visits, and the number of completed cycles. Every field below is on that list;
 * nothing else has a place to go.
 */
export const SharedPracticeList = t.type({ agreementId: Id, practices: Labels }, 'SharedPracticeList');
export type SharedPracticeList = t.TypeOf<typeof SharedPracticeList>;

export const SharedGoal = t.type({ goalId: Id, practice: Label, description: Text, achieved: t.boolean }, 'SharedGoal');
export type SharedGoal = t.TypeOf<typeof SharedGoal>;

export const SharedSession = t.type({ heldOn: LocalDate, durationMinutes: PositiveInteger }, 'SharedSession');
export type SharedSession = t.TypeOf<typeof SharedSession>;

export const ProviderShare = t.type(
  {
    providerId: Id,
    practiceLists: t.array(SharedPracticeList),
    goals: t.array(SharedGoal),
    sessions: t.array(SharedSession),
    completedCycles: NonNegativeInteger,
  },
  'ProviderShare',
);
export type ProviderShare = t.TypeOf<typeof ProviderShare>;

export const ShareView = t.type({ asOf: Instant, providers: t.array(ProviderShare) }, 'ShareView');
export type ShareView = t.TypeOf<typeof ShareView>;

/**
 * A session as far as the share needs it: when, how long, and in what order it was logged; or,
 * once voided, only that (a void is final, whatever comes before or after it).
 */
export interface SharedSessionEntry {
  /** Fold order of the log, to keep sessions of one day in the order they were logged. */
  order?: number;
  heldOn?: string;
  durationMinutes?: number;
  voided?: true;
  /** Ids of the corrections applied, each applied once. */
  corrections?: string[];
}

export interface ProviderShareLedger {
  enrolled?: true;
  goals: Array<{ goalId: string; practice: string; description: string }>;
  achievedGoalIds: string[];
  /** By session id. */
  sessions: ById<SharedSessionEntry>;
}

export interface AgreementShareLedger {
  providerId?: string;
  practices: string[];
  cycleNumbers: number[];
}

/** What the fold keeps: only whitelisted fields, copied one by one; JSON with tables keyed by id, for the runner's checkpoint. */
export interface ShareState {
  seq: number;
  providers: Table<ProviderShareLedger>;
  agreements: Table<AgreementShareLedger>;
}
