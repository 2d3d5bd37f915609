import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../shared/event-definition';
import { Id, IntegerBetween, Label, Text, nonEmptyArray, oneOf } from '../shared/primitives';
import { struct } from '../shared/struct';

export const VisitMode = oneOf('VisitMode', 'in-person', 'virtual', 'combination');
export type VisitMode = t.TypeOf<typeof VisitMode>;

/** STARS estimates a coaching duration of up to 16 cycles (`002`). */
export const MAX_COACHING_CYCLES = 16;
export const EstimatedCycles = IntegerBetween(1, MAX_COACHING_CYCLES, 'EstimatedCycles');

/** How often cycles occur: every two weeks is optimal, or another cadence the parties state (`002`). */
export const Cadence = t.union([t.literal('every-two-weeks'), struct('OtherCadence', { other: Text })], 'Cadence');
export type Cadence = t.TypeOf<typeof Cadence>;

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
export type AgreementDraftedData = t.TypeOf<typeof AgreementDraftedData>;

export const AgreementDrafted = defineEvent({
  type: 'AgreementDrafted',
  streamKind: 'agreement',
  streamIdField: 'agreementId',
  description:
    'A coach and coachee drafted a STARS to Quality Coaching agreement: practices of focus, visit mode, estimated cycles and cadence (rule 9).',
  data: AgreementDraftedData,
});

export const DraftAgreement = defineCommand({
  type: 'DraftAgreement',
  streamKind: 'agreement',
  streamIdField: 'agreementId',
  description: 'Draft a coaching agreement, once; it is active only when coach, supervisor and coachee have signed.',
  data: AgreementDraftedData,
  produces: ['AgreementDrafted'],
});
