import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, IntegerBetween, Label, Text, nonEmptyArray, oneOf } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** How the coaching visits are made, as the agreement states it. */
export const VisitMode = oneOf('VisitMode', 'in-person', 'virtual', 'combination');
/** `VisitMode` as decoded. */
export type VisitMode = t.TypeOf<typeof VisitMode>;

/** STARS estimates a coaching duration of up to 16 cycles (`002`). */
export const MAX_COACHING_CYCLES = 16;
/** The cycles the parties expect to need, one to `MAX_COACHING_CYCLES`. */
export const EstimatedCycles = IntegerBetween(1, MAX_COACHING_CYCLES, 'EstimatedCycles');

/** How often cycles occur: every two weeks is optimal, or another cadence the parties state (`002`). */
export const Cadence = t.union([t.literal('every-two-weeks'), struct('OtherCadence', { other: Text })], 'Cadence');
export type Cadence = t.TypeOf<typeof Cadence>;

/** The data of the `AgreementDrafted` event and of the `DraftAgreement` command. */
export const AgreementDraftedData = struct('AgreementDraftedData', {
  agreementId: Id,
  providerId: Id,
  coachId: Id,
  /** Specific, observable practices the coaching focuses on. */
  practices: nonEmptyArray(Label, 'Practices'),
  visitMode: VisitMode,
  estimatedCycles: EstimatedCycles,
  cadence: Cadence,
});
/** `AgreementDraftedData` as decoded. */
export type AgreementDraftedData = t.TypeOf<typeof AgreementDraftedData>;

/**
 * A coach and coachee drafted a STARS to Quality Coaching agreement: practices of focus, visit mode, estimated
 * cycles and cadence (rule 9). Lives in the `agreement` stream named by its `agreementId`.
 */
export const AgreementDrafted = defineEvent({
  type: 'AgreementDrafted',
  streamKind: 'agreement',
  streamIdField: 'agreementId',
  description:
    'A coach and coachee drafted a STARS to Quality Coaching agreement: practices of focus, visit mode, estimated cycles and cadence (rule 9).',
  data: AgreementDraftedData,
});

/**
 * Draft a coaching agreement, once; it is active only when coach, supervisor and coachee have signed. Accepted, it
 * records `AgreementDrafted`.
 */
export const DraftAgreement = defineCommand({
  type: 'DraftAgreement',
  streamKind: 'agreement',
  streamIdField: 'agreementId',
  description: 'Draft a coaching agreement, once; it is active only when coach, supervisor and coachee have signed.',
  data: AgreementDraftedData,
  produces: ['AgreementDrafted'],
});
