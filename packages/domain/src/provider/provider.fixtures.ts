import { DomainEvent } from '../kernel/decider';
import { ProviderEvent } from './provider.events';
import { SessionLoggedData } from './session-logged';

/**
 * Histories the provider specs start from: a center-based provider in a toddler and preschool
 * classroom, enrolled in July, with a coach, a TPOT consent, observations, a plan and a session.
 */
export const providerId = 'p-017';

export const enrolled = {
  type: 'ProviderEnrolled',
  data: {
    providerId,
    communityId: 'kent',
    programYearId: 'kent-2025',
    name: 'Maya Lopez',
    site: { siteId: 'site-4', name: 'Little Oaks Center', setting: 'center' },
    agesServed: ['toddler', 'preschool'],
    coachId: 'c-03',
    enrolledOn: '2025-07-15',
  },
} satisfies ProviderEvent;

export const enrolledAtHome = {
  type: 'ProviderEnrolled',
  data: { ...enrolled.data, site: { siteId: 'home-9', name: 'Rivera Family Child Care', setting: 'fcch' } },
} satisfies ProviderEvent;

export const tpotConsent = {
  type: 'ConsentUploaded',
  data: {
    providerId,
    consentId: 'consent-1',
    instrument: 'TPOT',
    signedOn: '2025-07-22',
    document: { uri: 'sharepoint://consents/p-017-tpot.pdf', sha256: 'a'.repeat(64) },
  },
} satisfies ProviderEvent;

export const tpotConsentWithdrawn = {
  type: 'ConsentWithdrawn',
  data: { providerId, consentId: 'consent-1', withdrawnOn: '2025-08-20' },
} satisfies ProviderEvent;

export const observationScheduled = {
  type: 'ObservationScheduled',
  data: {
    providerId,
    observationId: 'obs-1',
    instrument: 'TPOT',
    scheduledFor: '2025-08-12',
    observerId: 'mmi-observer-2',
  },
} satisfies ProviderEvent;

export const observationCompleted = {
  type: 'ObservationCompleted',
  data: {
    providerId,
    observationId: 'obs-1',
    observedOn: '2025-08-14',
    scores: { keyPracticesPercent: 64, redFlags: 3, responsesToChallengingBehaviorPercent: 50 },
  },
} satisfies ProviderEvent;

export const debriefHeld = {
  type: 'DebriefHeld',
  data: {
    providerId,
    observationId: 'obs-1',
    heldOn: '2025-08-21',
    strengths: ['Warm greetings for every child at arrival.'],
    nextSteps: ['Post a visual schedule at the children’s eye level.'],
  },
} satisfies ProviderEvent;

export const benchmarksCompleted = {
  type: 'BenchmarksOfQualityCompleted',
  data: {
    providerId,
    boqId: 'boq-1',
    form: 'BOQ',
    formVersion: '2017',
    completedOn: '2025-08-05',
    ratings: { 'family-engagement': 1, 'expectations-taught': 0, 'monitoring-implementation': 2 },
  },
} satisfies ProviderEvent;

export const actionPlanSet = {
  type: 'ActionPlanSet',
  data: {
    providerId,
    actionPlanId: 'plan-1',
    goals: [
      { goalId: 'g-1', practice: 'visual-schedule', description: 'Use a visual schedule at every transition.' },
      { goalId: 'g-2', practice: 'positive-feedback', description: 'Give specific positive feedback during centers.' },
    ],
    steps: ['Make the schedule cards this week.'],
    setOn: '2025-08-28',
  },
} satisfies ProviderEvent;

export const sessionLogged = {
  type: 'SessionLogged',
  data: {
    providerId,
    sessionId: 's-1',
    coachId: 'c-03',
    heldOn: '2025-09-03',
    durationMinutes: 60,
    kind: 'coaching-conversation',
    mode: 'in-person',
    agendaUsed: true,
    practices: ['visual-schedule'],
    strategies: ['modeling'],
  },
} satisfies ProviderEvent;

export const sessionVoided = {
  type: 'SessionVoided',
  data: { providerId, sessionId: 's-1', reason: 'Logged for the wrong provider.' },
} satisfies ProviderEvent;

export const exited = {
  type: 'ProviderExited',
  data: { providerId, on: '2025-09-10', reason: 'Took a position at another program.' },
} satisfies ProviderEvent;

/** A session of provider p-1 as a ledger or a guide reads it: a counted coaching conversation unless told otherwise. */
export const sessionLoggedEvent = (
  sessionId: string,
  heldOn: string,
  durationMinutes: number,
  more: Partial<SessionLoggedData> = {},
): DomainEvent => ({
  type: 'SessionLogged',
  data: {
    providerId: 'p-1',
    sessionId,
    coachId: 'c-03',
    heldOn,
    durationMinutes,
    kind: 'coaching-conversation',
    mode: 'in-person',
    agendaUsed: true,
    practices: ['positive-relationships'],
    strategies: ['modeling'],
    ...more,
  },
});
