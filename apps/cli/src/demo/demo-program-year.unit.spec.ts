import * as E from 'fp-ts/Either';
import { RecordedEvent, zoneFor } from '@coachline/domain';
import { byStream, dayNumber, demoYear, ofType } from './demo-year.fixtures';
import { DEMO_ASQ_SE2_CUTOFFS } from './plan-screenings';

const { events } = demoYear(40, 5);
const YEAR_MONTHS = [
  ...['07', '08', '09', '10', '11', '12'].map((month) => `2025-${month}`),
  ...['01', '02', '03', '04', '05', '06'].map((month) => `2026-${month}`),
];
const roleOf = (type: RecordedEvent['type']): Set<string> =>
  new Set(events.filter((event) => event.type === type).map((event) => event.metadata.actor.role));

describe('the demo’s RiR Year 1 program year', () => {
  it('sets the county up before the year: plan steps, coaching system, approval, program year', () => {
    const community = events.filter((event) => event.stream.startsWith('community-'));
    expect(community[0]!.type).toBe('CommunityRegistered');
    expect(ofType(events, 'ImplementationPlanStepRecorded').map((event) => event.data.step)).toEqual([
      1, 2, 3, 4, 5, 6, 7,
    ]);
    expect(ofType(events, 'CoachingSystemComponentDefined')).toHaveLength(7);
    expect(ofType(events, 'ProgramYearStarted').map((event) => event.data)).toEqual([
      expect.objectContaining({ guideId: 'rir-year-1', startsOn: '2025-07-01', endsOn: '2026-06-30' }),
    ]);
    const approved = ofType(events, 'CoachingSystemApproved')[0]!;
    expect(
      ofType(events, 'CoachingSystemComponentDefined').every((event) => event.position! < approved.position!),
    ).toBe(true);
  });

  it('has about one coach per eight providers, each qualification recorded then verified by a supervisor', () => {
    expect(ofType(events, 'CoachRegistered')).toHaveLength(5);
    const recorded = ofType(events, 'CoachQualificationRecorded').map((event) => event.data.qualificationId);
    expect(
      ofType(events, 'CoachQualificationVerified')
        .map((event) => event.data.qualificationId)
        .sort(),
    ).toEqual([...recorded].sort());
    expect(roleOf('CoachQualificationVerified')).toEqual(new Set(['supervisor']));
  });

  it('enrolls about 70% center-based providers, most in July and some from September to November', () => {
    const enrolled = ofType(events, 'ProviderEnrolled');
    expect(enrolled).toHaveLength(40);
    const centers = enrolled.filter((event) => event.data.site.setting === 'center').length;
    expect(centers).toBe(28);
    const months = enrolled.map((event) => event.data.enrolledOn.slice(0, 7));
    expect(months.filter((key) => key === '2025-07').length).toBeGreaterThan(20);
    expect(months.every((key) => ['2025-07', '2025-09', '2025-10', '2025-11'].includes(key))).toBe(true);
    expect(roleOf('ProviderEnrolled')).toEqual(new Set(['admin']));
  });

  it('gathers the initial data in the first two months, consent and TPOT/TPITOS for centers only', () => {
    const streams = byStream(events);
    for (const enrolled of ofType(events, 'ProviderEnrolled')) {
      const history = streams.get(enrolled.stream)!;
      const types = new Set(history.map((event) => event.type));
      expect(
        types.has('DemographicSurveyCompleted') &&
          types.has('BenchmarksOfQualityCompleted') &&
          types.has('ActionPlanSet'),
      ).toBe(true);
      const center = enrolled.data.site.setting === 'center';
      expect(types.has('ConsentUploaded')).toBe(center);
      expect(types.has('DebriefHeld')).toBe(center);
      const boq = ofType(history, 'BenchmarksOfQualityCompleted')[0]!;
      expect(boq.data.form).toBe(center ? 'BOQ' : 'FCCH-BOQ');
      const scheduled = ofType(history, 'ObservationScheduled')[0];
      if (scheduled)
        expect(scheduled.data.instrument).toBe(enrolled.data.agesServed.includes('preschool') ? 'TPOT' : 'TPITOS');
    }
    // Rule 3's window closes at the end of the month after enrollment: at most 62 days on.
    const daysToFirstPlan = ofType(events, 'ProviderEnrolled').map((enrolled) => {
      const plan = ofType(streams.get(enrolled.stream)!, 'ActionPlanSet')[0]!;
      return dayNumber(plan.data.setOn) - dayNumber(enrolled.data.enrolledOn);
    });
    expect(daysToFirstPlan.filter((days) => days <= 62).length / daysToFirstPlan.length).toBeGreaterThan(0.85);
  });

  it('records observations and debriefs by observers, scores with the observation only', () => {
    expect(roleOf('ObservationCompleted')).toEqual(new Set(['observer']));
    expect(roleOf('DebriefHeld')).toEqual(new Set(['observer']));
    for (const completed of ofType(events, 'ObservationCompleted'))
      expect(Object.keys(completed.data.scores)).toContain('keyPracticesPercent');
    expect(
      ofType(events, 'ObservationCompleted').some(
        (event) => 'responsesToChallengingBehaviorPercent' in event.data.scores,
      ),
    ).toBe(true);
  });

  it('screens two or three children per provider under pseudonyms, following up when a score is of concern', () => {
    const distributed = ofType(events, 'AsqSe2Distributed');
    expect(distributed.length).toBeGreaterThanOrEqual(80);
    expect(distributed.length).toBeLessThanOrEqual(120);
    expect(distributed.every((event) => /^child-[0-9a-f]{12}$/.test(event.data.childRef))).toBe(true);
    const intervals = new Map(distributed.map((event) => [event.data.screeningId, event.data.ageIntervalMonths]));
    const scored = ofType(events, 'AsqSe2Scored');
    // Score and zone agree by the (made-up) cutoff table the demo reads them off.
    for (const event of scored) {
      const interval = intervals.get(event.data.screeningId)!;
      expect(zoneFor(DEMO_ASQ_SE2_CUTOFFS, interval, event.data.score)).toEqual(E.right(event.data.zone));
    }
    expect(new Set(scored.map((event) => event.data.zone))).toEqual(
      new Set(['below-cutoff', 'monitoring', 'above-cutoff']),
    );
    const zones = new Map(scored.map((event) => [event.data.screeningId, event.data.zone]));
    const followedUp = ofType(events, 'AsqSe2FollowUpRecorded').map((event) => zones.get(event.data.screeningId));
    expect(followedUp.length).toBeGreaterThan(0);
    expect(followedUp.every((zone) => zone === 'monitoring' || zone === 'above-cutoff')).toBe(true);
    const erased = ofType(events, 'ChildDataErased');
    expect(erased).toHaveLength(1);
    const screening = events.filter((event) => event.stream === erased[0]!.stream);
    expect(screening[screening.length - 1]).toBe(erased[0]);
  });

  it('holds the five Year 1 trainings in the guide’s months, 6 to 12 collaboration meetings and the focus group', () => {
    const modules = new Map(
      ofType(events, 'TrainingHeld').map((event) => [event.data.module, event.data.heldOn.slice(0, 7)]),
    );
    expect(Object.fromEntries(modules)).toEqual({
      'director-training': '2025-07',
      'module-1a': '2025-09',
      'module-1b': '2025-11',
      'module-2a': '2026-02',
      'module-2b': '2026-04',
    });
    const meetings = ofType(events, 'ProviderCollaborationMeetingHeld');
    expect(meetings.length).toBeGreaterThanOrEqual(6);
    expect(meetings.length).toBeLessThanOrEqual(12);
    expect(roleOf('ProviderCollaborationMeetingHeld')).toEqual(new Set(['coach']));
    expect(ofType(events, 'FocusGroupHeld').map((event) => event.data.heldOn.slice(0, 7))).toEqual([
      expect.stringMatching(/^2026-0[45]$/),
    ]);
  });

  it('has every coach attend Reflective Consultation every month, and take the RC survey in December', () => {
    const coaches = ofType(events, 'CoachRegistered').map((event) => event.data.coachId);
    const attended = ofType(events, 'ReflectiveConsultationAttended');
    for (const coachId of coaches) {
      const months = attended.filter((event) => event.data.coachId === coachId).map((event) => event.data.month);
      expect(months).toEqual(YEAR_MONTHS);
    }
    const surveys = ofType(events, 'ReflectiveConsultationSurveyCompleted');
    expect(surveys.map((event) => event.data.coachId).sort()).toEqual([...coaches].sort());
    expect(surveys.every((event) => event.data.completedOn.startsWith('2025-12'))).toBe(true);
  });

  it('has STARS agreements for about 30% of providers, signed by coach, supervisor and coachee, cycling about every two weeks', () => {
    const drafted = ofType(events, 'AgreementDrafted');
    expect(drafted).toHaveLength(12);
    const signatures = ofType(events, 'AgreementSigned');
    for (const agreement of drafted) {
      const parties = signatures.filter((event) => event.data.agreementId === agreement.data.agreementId);
      expect(parties.map((event) => `${event.data.party}:${event.metadata.actor.role}`).sort()).toEqual([
        'coach:coach',
        'coachee:provider',
        'supervisor:supervisor',
      ]);
    }
    const cycles = ofType(events, 'CoachingCycleCompleted');
    const gaps = drafted
      .filter((agreement) => agreement.data.cadence === 'every-two-weeks')
      .flatMap((agreement) => {
        const days = cycles
          .filter((event) => event.data.agreementId === agreement.data.agreementId)
          .map((event) => dayNumber(event.data.completedOn));
        return days.slice(1).map((day, index) => day - days[index]!);
      })
      .sort((a, b) => a - b);
    expect(gaps[Math.floor(gaps.length / 2)]).toBeGreaterThanOrEqual(12);
    expect(gaps[Math.floor(gaps.length / 2)]).toBeLessThanOrEqual(16);
    expect(cycles.some((event) => event.data.sessionIds.length > 0)).toBe(true);
    expect(ofType(events, 'AgreementEnded').length).toBeGreaterThan(0);
    expect(ofType(events, 'AgreementConcernRaised').length).toBeGreaterThanOrEqual(1);
  });

  it('moves a couple of providers to another coach, whose sessions follow the new coach', () => {
    const reassigned = ofType(events, 'ProviderReassigned');
    expect(reassigned.length).toBeGreaterThanOrEqual(2);
    for (const move of reassigned) {
      const after = ofType(events, 'SessionLogged').filter(
        (event) => event.stream === move.stream && event.data.heldOn >= move.data.on,
      );
      expect(after.every((event) => event.data.coachId === move.data.toCoachId)).toBe(true);
    }
  });

  it('sees a few providers leave, with no session held after, and moves most others on to Year 2 in June', () => {
    const exits = ofType(events, 'ProviderExited');
    expect(exits.length).toBeGreaterThanOrEqual(1);
    for (const exit of exits) {
      const sessions = ofType(events, 'SessionLogged').filter((event) => event.stream === exit.stream);
      expect(sessions.every((event) => event.data.heldOn <= exit.data.on)).toBe(true);
    }
    const transitions = ofType(events, 'ProviderTransitionedToYear2');
    expect(transitions.every((event) => event.data.on.startsWith('2026-06'))).toBe(true);
    expect(transitions.length / (40 - exits.length)).toBeGreaterThan(0.6);
    expect(transitions.some((event) => exits.some((exit) => exit.stream === event.stream))).toBe(false);
  });

  it('scales with the number of providers', () => {
    const small = demoYear(12, 3).events;
    const large = demoYear(48, 3).events;
    expect(ofType(small, 'ProviderEnrolled')).toHaveLength(12);
    expect(ofType(large, 'ProviderEnrolled')).toHaveLength(48);
    expect(ofType(small, 'CoachRegistered')).toHaveLength(2);
    expect(ofType(large, 'CoachRegistered')).toHaveLength(6);
    const ratio = ofType(large, 'SessionLogged').length / ofType(small, 'SessionLogged').length;
    expect(ratio).toBeGreaterThan(3.2);
    expect(ratio).toBeLessThan(4.8);
    expect(large.length / small.length).toBeGreaterThan(3);
  });
});
