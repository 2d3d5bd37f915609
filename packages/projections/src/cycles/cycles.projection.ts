import { emptyTable, RecordedEvent } from '@coachline/domain';
import { dayOf } from '../calendar';
import { Projection } from '../projection';
import { namedIn } from '../subjects';
import { cyclesTable, renderCycles } from './cycles.render';
import { AgreementLedger, CyclesState, CyclesView } from './cycles.view';

/** An agreement's ledger, opened by whichever of its events arrives first. */
const ledgerOf = (state: CyclesState, agreementId: string): AgreementLedger =>
  (state.agreements[agreementId] ??= { signatures: [], cycles: [], concerns: [], resolutions: [] });

const apply = (state: CyclesState, event: RecordedEvent): CyclesState => {
  switch (event.type) {
    case 'AgreementDrafted': {
      const ledger = ledgerOf(state, event.data.agreementId);
      // An agreement is drafted once; a repeated draft changes nothing.
      if (!ledger.drafted) {
        const { providerId, coachId, visitMode, estimatedCycles, cadence } = event.data;
        ledger.drafted = {
          providerId,
          coachId,
          visitMode,
          estimatedCycles,
          cadence: cadence === 'every-two-weeks' ? cadence : { other: cadence.other },
        };
      }
      return state;
    }
    case 'AgreementSigned': {
      const { party, signedBy, signedOn } = event.data;
      const ledger = ledgerOf(state, event.data.agreementId);
      // Each party signs once: the first signature recorded stands, a repeated one changes nothing.
      if (!ledger.signatures.some((s) => s.party === party)) ledger.signatures.push({ party, signedBy, signedOn });
      return state;
    }
    case 'CoachingCycleCompleted': {
      const { cycleNumber, completedOn } = event.data;
      ledgerOf(state, event.data.agreementId).cycles.push({ cycleNumber, completedOn });
      return state;
    }
    case 'AgreementConcernRaised': {
      const { concernId, raisedBy, raisedWith } = event.data;
      const ledger = ledgerOf(state, event.data.agreementId);
      const key = concernId ?? event.id;
      // The first record of a concern stands, and a redelivered event is the same concern.
      if (!ledger.concerns.some((c) => c.key === key))
        ledger.concerns.push({
          key,
          ...(concernId !== undefined ? { concernId } : {}),
          raisedBy,
          ...(raisedWith !== undefined ? { raisedWith } : {}),
          raisedOn: dayOf(event.metadata.recordedAt),
        });
      return state;
    }
    case 'AgreementConcernResolved': {
      const { concernId, resolvedOn } = event.data;
      const ledger = ledgerOf(state, event.data.agreementId);
      if (!ledger.resolutions.some((r) => r.concernId === concernId))
        ledger.resolutions.push({ concernId, resolvedOn });
      return state;
    }
    case 'AgreementEnded': {
      const ledger = ledgerOf(state, event.data.agreementId);
      ledger.endedOn ??= event.data.on;
      return state;
    }
    default:
      return state;
  }
};

/**
 * STARS agreements: visit mode, signatures, when each became active, its cycles against the
 * cadence (rule 9), and the concerns raised about it.
 */
export const cyclesProjection: Projection<CyclesState, CyclesView> = {
  name: 'cycles',
  version: 3,
  eventTypes: [
    'AgreementDrafted',
    'AgreementSigned',
    'CoachingCycleCompleted',
    'AgreementConcernRaised',
    'AgreementConcernResolved',
    'AgreementEnded',
  ],
  init: () => ({ agreements: emptyTable() }),
  apply,
  subjects: { tables: ['agreements'], changedBy: (_state, event) => namedIn(event, 'agreementId', 'agreements') },
  view: renderCycles,
  viewCodec: CyclesView,
  table: cyclesTable,
};
