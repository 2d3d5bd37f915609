import { Actor, SessionChanges, SessionKind } from '@coachline/domain';
import { PROGRAM_YEAR } from './build-cast';
import { CommandData, Issued } from './command-schedule';
import { Day, dateOf, dayOf, dayOfInstant, MS_PER_MINUTE } from './demo-calendar';
import { DemoContext } from './demo-context';
import { beforeExit, DemoProvider } from './demo-program';
import { DemoRandom } from './demo-random';
import { between } from './plan-onboarding';
import { CORRECTION_REASONS, VOID_REASONS } from './vocabulary-coaching';

/**
 * What happens to a session after it is logged: most are left alone; some are corrected
 * (about 4%), voided (about 2%: duplicates or cancelled visits) or followed by feedback.
 */

export type LoggedSessionData = CommandData<'LogSession'>;

const COUNTED: ReadonlySet<SessionKind> = new Set(['coaching-conversation', 'observation', 'debrief']);

const LOGGING_LAG_DAYS: ReadonlyArray<readonly [number, number]> = [
  [0, 60],
  [1, 25],
  [2, 8],
  [3, 4],
  [5, 3],
];

const CORRECTED_FIELDS: ReadonlyArray<readonly ['duration' | 'heldOn' | 'kind', number]> = [
  ['duration', 50],
  ['heldOn', 30],
  ['kind', 20],
];

/**
 * When a session is logged: mostly the same evening or within a few days (rule 2), and about
 * one in ten late, 8 to 25 days after, often in the next month.
 */
export const loggingInstant = (random: DemoRandom, heldOn: Day): number => {
  const lag = random.chance(0.1) ? random.int(8, 25) : random.weighted(LOGGING_LAG_DAYS);
  return between(random, heldOn + lag, 16, 24);
};

/** A day near the session's, that it may have really been held on: in the year, while enrolled, not after it was logged. */
const movedDay = (random: DemoRandom, provider: DemoProvider, heldOn: Day, correctedAt: number): Day | undefined => {
  const latest = Math.min(dayOfInstant(correctedAt), PROGRAM_YEAR.endsOn, provider.exit?.on ?? PROGRAM_YEAR.endsOn);
  const earliest = Math.max(provider.enrolledOn, PROGRAM_YEAR.startsOn);
  const candidates = [-3, -2, -1, 1, 2, 3]
    .map((offset) => heldOn + offset)
    .filter((day) => day >= earliest && day <= latest);
  return candidates.length > 0 ? random.pick(candidates) : undefined;
};

const KIND_CORRECTIONS: Readonly<
  Record<SessionKind, { readonly kind: SessionKind; readonly reason: string } | undefined>
> = {
  'coaching-conversation': { kind: 'consultation', reason: CORRECTION_REASONS.kind },
  observation: { kind: 'debrief', reason: CORRECTION_REASONS.kindObservation },
  debrief: { kind: 'coaching-conversation', reason: CORRECTION_REASONS.kindDebrief },
  consultation: undefined,
  other: undefined,
};

const correction = (
  random: DemoRandom,
  provider: DemoProvider,
  session: LoggedSessionData,
  correctedAt: number,
): { readonly changes: SessionChanges; readonly reason: string } => {
  const what = random.weighted(CORRECTED_FIELDS);
  if (what === 'heldOn') {
    const day = movedDay(random, provider, dayOf(session.heldOn), correctedAt);
    if (day !== undefined) return { changes: { heldOn: dateOf(day) }, reason: CORRECTION_REASONS.heldOn };
  }
  const kindCorrection = KIND_CORRECTIONS[session.kind];
  if (what === 'kind' && kindCorrection)
    return { changes: { kind: kindCorrection.kind }, reason: kindCorrection.reason };
  const delta = random.pick([-30, -15, 15, 30]);
  const durationMinutes = Math.min(240, Math.max(15, session.durationMinutes + delta));
  return {
    changes: {
      durationMinutes: durationMinutes === session.durationMinutes ? session.durationMinutes + 15 : durationMinutes,
    },
    reason: CORRECTION_REASONS.duration,
  };
};

/**
 * Plans what follows a logged session. Returns false when the session ends up voided, so
 * nothing else (an agreement's cycle) should point to it.
 */
export const planFollowUps = (
  context: DemoContext,
  provider: DemoProvider,
  session: LoggedSessionData,
  logged: Issued,
  coach: Actor,
): boolean => {
  const { random, schedule } = context;
  const { providerId, sessionId } = session;
  const roll = random.int(0, 999);
  if (roll < 40) {
    const at = between(random, dayOfInstant(logged.at) + random.int(1, 10), 16, 22);
    const { changes, reason } = correction(random, provider, session, at);
    schedule.issue(
      'CorrectSession',
      { providerId, sessionId, changes, reason },
      { at, actor: coach, causedBy: logged },
    );
    return true;
  }
  if (roll < 60) {
    if (random.chance(0.5)) {
      // Logged twice by mistake: the copy is voided, the session itself still counts.
      const duplicate = { ...session, sessionId: context.nextSessionId() };
      const copied = schedule.issue('LogSession', duplicate, {
        at: logged.at + random.int(2, 30) * MS_PER_MINUTE,
        actor: coach,
      });
      schedule.issue(
        'VoidSession',
        { providerId, sessionId: duplicate.sessionId, reason: VOID_REASONS.duplicate },
        { at: between(random, dayOfInstant(copied.at) + random.int(1, 5), 16, 22), actor: coach, causedBy: copied },
      );
      return true;
    }
    schedule.issue(
      'VoidSession',
      { providerId, sessionId, reason: VOID_REASONS.cancelled },
      { at: between(random, dayOfInstant(logged.at) + random.int(1, 5), 16, 22), actor: coach, causedBy: logged },
    );
    return false;
  }
  if (COUNTED.has(session.kind) && random.chance(0.35)) {
    const sentOn = dayOf(session.heldOn) + random.int(0, 2);
    const at = Math.max(logged.at + random.int(5, 90) * MS_PER_MINUTE, between(random, sentOn, 18, 23));
    // After the exit is recorded nothing new is recorded for the provider, feedback included.
    if (beforeExit(provider, at))
      schedule.issue(
        'SendFeedback',
        { providerId, sessionId, sentOn: dateOf(sentOn) },
        { at, actor: coach, causedBy: logged },
      );
  }
  return true;
};
