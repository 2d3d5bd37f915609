import { ObservationInstrument } from '@coachline/domain';
import { ConsentEntry } from './evaluation.view';

/** Where an observation stands with the provider's evaluation consent for its instrument. */
export interface ConsentStanding {
  /** The withdrawal that ended the consent the observation was made under, or that its date falls after. */
  readonly withdrawnOn: string | null;
  /** True when the observation is dated on or after a withdrawal no later consent covers: its scores are not shown. */
  readonly withheld: boolean;
}

const STANDING = { withdrawnOn: null, withheld: false } as const;

const latest = (dates: ReadonlyArray<string>): string => dates.reduce((a, b) => (b > a ? b : a));

/**
 * A withdrawal ends a consent from its date: observations of that instrument dated on or after it leave the
 * evaluation, unless a consent signed by their date, and not withdrawn by it, covers them. Observations made while
 * the consent held stay, marked with the withdrawal, since they were given under a consent that held then.
 */
export const consentStandingOf = (
  consents: ReadonlyArray<ConsentEntry>,
  instrument: ObservationInstrument | undefined,
  observedOn: string | undefined,
): ConsentStanding => {
  if (instrument === undefined || observedOn === undefined) return STANDING;
  const ofInstrument = consents.filter((c) => c.instrument === instrument && c.signedOn !== undefined);
  const aliveOn = (c: ConsentEntry) => c.withdrawnOn === undefined || c.withdrawnOn > observedOn;
  const signedBy = ofInstrument.filter((c) => c.signedOn! <= observedOn && aliveOn(c));
  const endedBy = ofInstrument.flatMap((c) =>
    c.withdrawnOn !== undefined && c.withdrawnOn <= observedOn ? [c.withdrawnOn] : [],
  );
  if (signedBy.length === 0 && endedBy.length > 0) return { withdrawnOn: latest(endedBy), withheld: true };
  // A consent signed after the observation still counts as the one it was made under when none was signed before.
  const covering = signedBy.length > 0 ? signedBy : ofInstrument.filter(aliveOn);
  const laterEnds = covering.flatMap((c) => (c.withdrawnOn === undefined ? [] : [c.withdrawnOn]));
  return covering.length > 0 && laterEnds.length === covering.length
    ? { withdrawnOn: latest(laterEnds), withheld: false }
    : STANDING;
};
