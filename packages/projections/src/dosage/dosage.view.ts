import * as t from 'io-ts';
import { Id, Instant, Month, NonNegativeInteger, oneOf, ProviderSessions, Table } from '@coachline/domain';

export const DosageStatus = oneOf('DosageStatus', 'met', 'partial', 'none');
export type DosageStatus = t.TypeOf<typeof DosageStatus>;

export const DosageMonth = t.type({ month: Month, minutes: NonNegativeInteger, status: DosageStatus }, 'DosageMonth');
export type DosageMonth = t.TypeOf<typeof DosageMonth>;

export const ProviderDosage = t.type(
  {
    providerId: Id,
    coachId: Id,
    targetMinutes: t.union([NonNegativeInteger, t.null]),
    months: t.array(DosageMonth),
    yearToDateMinutes: NonNegativeInteger,
  },
  'ProviderDosage',
);
export type ProviderDosage = t.TypeOf<typeof ProviderDosage>;

export const CoachDosage = t.type(
  { coachId: Id, caseload: NonNegativeInteger, underTargetThisMonth: t.array(Id) },
  'CoachDosage',
);
export type CoachDosage = t.TypeOf<typeof CoachDosage>;

/** The dosage view as readers get it (`--view dosage --format json`, `GET /views/dosage`). */
export const DosageView = t.type(
  { asOf: Instant, guideId: Id, providers: t.array(ProviderDosage), coaches: t.array(CoachDosage) },
  'DosageView',
);
export type DosageView = t.TypeOf<typeof DosageView>;

/** What the fold keeps; JSON with tables keyed by id, so a runner can store it beside its checkpoint. */
export interface DosageState {
  programYears: Table<{ guideId: string; startsOn: string; endsOn: string }>;
  /** The guide of the program year started last: the guide the view reports against. */
  latestGuideId?: string;
  coaches: Table<true>;
  providers: Table<ProviderLedger>;
}

export interface ProviderLedger {
  programYearId: string;
  coachId: string;
  enrolledOn: string;
  exitedOn?: string;
  /** The provider's sessions as the domain's session ledger keeps them: only what dosage counts with. */
  sessions: ProviderSessions;
}
