import { emptyTable, RecordedEvent } from '@coachline/domain';
import { emptyById, entryById, setById } from '../by-id';
import { interned } from '../interned';
import { Projection } from '../projection';
import { namedIn } from '../subjects';
import { renderShare, shareTable } from './share.render';
import { AgreementShareLedger, ProviderShareLedger, SharedSessionEntry, ShareState, ShareView } from './share.view';

const providerOf = (state: ShareState, providerId: string): ProviderShareLedger =>
  (state.providers[providerId] ??= { goals: [], achievedGoalIds: [], sessions: emptyById() });

const agreementOf = (state: ShareState, agreementId: string): AgreementShareLedger =>
  (state.agreements[agreementId] ??= { practices: [], cycleNumbers: [] });

/** A void is final and the share shows nothing of a voided session: one entry stands for all of them. */
const VOIDED: SharedSessionEntry = Object.freeze({ voided: true });

/**
 * Every field is copied by name from the event: event data is never spread, so a field added
 * to an event later cannot reach the share without being named here.
 */
const apply = (state: ShareState, event: RecordedEvent): ShareState => {
  switch (event.type) {
    case 'ProviderEnrolled':
      providerOf(state, event.data.providerId).enrolled = true;
      return state;
    case 'ActionPlanSet': {
      const provider = providerOf(state, event.data.providerId);
      for (const goal of event.data.goals) {
        // A goal is set once; a later plan naming the same goal adds nothing.
        if (!provider.goals.some((g) => g.goalId === goal.goalId))
          provider.goals.push({
            goalId: goal.goalId,
            practice: interned(goal.practice),
            description: interned(goal.description),
          });
      }
      return state;
    }
    case 'GoalAchieved': {
      const provider = providerOf(state, event.data.providerId);
      const goalId = event.data.goalId;
      if (!provider.achievedGoalIds.includes(goalId))
        // The goal's own id when it is known: one text for both.
        provider.achievedGoalIds.push(provider.goals.find((g) => g.goalId === goalId)?.goalId ?? goalId);
      return state;
    }
    case 'SessionLogged': {
      state.seq += 1;
      const sessions = providerOf(state, event.data.providerId).sessions;
      // A session is logged once; a log after its void changes nothing the share shows.
      if (entryById(sessions, event.data.sessionId) === undefined)
        setById(sessions, event.data.sessionId, {
          order: state.seq,
          heldOn: event.data.heldOn,
          durationMinutes: event.data.durationMinutes,
        });
      return state;
    }
    case 'SessionCorrected': {
      const session = entryById(providerOf(state, event.data.providerId).sessions, event.data.sessionId);
      // A correction of a session never logged, or voided, has nothing to correct.
      if (!session || session.heldOn === undefined || session.voided) return state;
      // A correction delivered again after a later one must not undo the later one.
      if (session.corrections?.includes(event.id)) return state;
      (session.corrections ??= []).push(event.id);
      if (event.data.changes.heldOn !== undefined) session.heldOn = event.data.changes.heldOn;
      if (event.data.changes.durationMinutes !== undefined)
        session.durationMinutes = event.data.changes.durationMinutes;
      return state;
    }
    case 'SessionVoided': {
      state.seq += 1;
      setById(providerOf(state, event.data.providerId).sessions, event.data.sessionId, VOIDED);
      return state;
    }
    case 'AgreementDrafted': {
      const agreement = agreementOf(state, event.data.agreementId);
      // An agreement is drafted once; a repeated draft changes nothing.
      if (agreement.providerId === undefined) {
        agreement.providerId = event.data.providerId;
        agreement.practices = event.data.practices.map((practice) => interned(practice));
      }
      return state;
    }
    case 'CoachingCycleCompleted': {
      const agreement = agreementOf(state, event.data.agreementId);
      if (!agreement.cycleNumbers.includes(event.data.cycleNumber)) agreement.cycleNumbers.push(event.data.cycleNumber);
      return state;
    }
    default:
      return state;
  }
};

/** What the STARS agreement allows coaches to share about a provider, and nothing else (rule 10). */
export const shareProjection: Projection<ShareState, ShareView> = {
  name: 'share',
  version: 4,
  eventTypes: [
    'ProviderEnrolled',
    'ActionPlanSet',
    'GoalAchieved',
    'SessionLogged',
    'SessionCorrected',
    'SessionVoided',
    'AgreementDrafted',
    'CoachingCycleCompleted',
  ],
  init: () => ({ seq: 0, providers: emptyTable(), agreements: emptyTable() }),
  apply,
  subjects: {
    tables: ['providers', 'agreements'],
    changedBy: (_state, event) => [
      ...namedIn(event, 'providerId', 'providers'),
      ...namedIn(event, 'agreementId', 'agreements'),
    ],
  },
  view: renderShare,
  viewCodec: ShareView,
  table: shareTable,
};
