import { emptyTable, RecordedEvent } from '@coachline/domain';
import { Projection } from '../projection';
import { namedIn } from '../subjects';
import { cyclesTable, renderCycles } from './cycles.render';
import { AgreementLedger, CyclesState, CyclesView } from './cycles.view';

/** An agreement's ledger, opened by whichever of its events arrives first. */
const ledgerOf = (state: CyclesState, agreementId: string): AgreementLedger =>
  (state.agreements[agreementId] ??= { signatures: [], cycles: [] });

const apply = (state: CyclesState, event: RecordedEvent): CyclesState => {
  switch (event.type) {
    case 'AgreementDrafted': {
      const ledger = ledgerOf(state, event.data.agreementId);
      // An agreement is drafted once; a repeated draft changes nothing.
      if (!ledger.drafted) {
        const { providerId, coachId, estimatedCycles, cadence } = event.data;
        ledger.drafted = {
          providerId,
          coachId,
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
    case 'AgreementEnded': {
      const ledger = ledgerOf(state, event.data.agreementId);
      ledger.endedOn ??= event.data.on;
      return state;
    }
    default:
      return state;
  }
};

/** STARS agreements: signatures, when each became active, and its cycles against the cadence (rule 9). */
export const cyclesProjection: Projection<CyclesState, CyclesView> = {
  name: 'cycles',
  version: 2,
  eventTypes: ['AgreementDrafted', 'AgreementSigned', 'CoachingCycleCompleted', 'AgreementEnded'],
  init: () => ({ agreements: emptyTable() }),
  apply,
  subjects: { tables: ['agreements'], changedBy: (_state, event) => namedIn(event, 'agreementId', 'agreements') },
  view: renderCycles,
  viewCodec: CyclesView,
  table: cyclesTable,
};
