import { DomainEvent } from '../kernel/decider';
import { RequirementStatus, StatusQuery, requirementStatuses } from './requirement-status';
import { rirYear1Guide } from './rir-year-1';

const programYear = { startsOn: '2025-07-01', endsOn: '2026-06-30' };

const ev = (type: string, data: Record<string, unknown>): DomainEvent => ({ type, data });
const session = (
  sessionId: string,
  heldOn: string,
  durationMinutes: number,
  kind = 'coaching-conversation',
): DomainEvent =>
  ev('SessionLogged', {
    providerId: 'p-1',
    sessionId,
    coachId: 'c-03',
    heldOn,
    durationMinutes,
    kind,
    mode: 'in-person',
    agendaUsed: true,
    practices: ['positive-relationships'],
    strategies: ['modeling'],
  });

const statuses = (query: Partial<StatusQuery> & Pick<StatusQuery, 'scope' | 'events' | 'on'>) =>
  requirementStatuses({ guide: rirYear1Guide, programYear, ...query });
const byId = (list: RequirementStatus[]) => new Map(list.map((s) => [s.requirementId, s]));

describe('RiR Year 1 requirement statuses', () => {
  describe('provider initial data (rule 3)', () => {
    const history = [
      ev('ProviderEnrolled', { providerId: 'p-1', enrolledOn: '2025-07-01' }),
      ev('ConsentUploaded', { providerId: 'p-1', consentId: 'k-1', instrument: 'TPOT', signedOn: '2025-07-10' }),
      ev('DemographicSurveyCompleted', { providerId: 'p-1', completedOn: '2025-07-15' }),
      ev('AsqSe2Distributed', { screeningId: 'q-1', providerId: 'p-1', distributedOn: '2025-08-01' }),
      ev('ObservationScheduled', { providerId: 'p-1', observationId: 'o-1', scheduledFor: '2025-08-20' }),
      ev('DebriefHeld', { providerId: 'p-1', observationId: 'o-1', heldOn: '2025-08-28' }),
      ev('BenchmarksOfQualityCompleted', { providerId: 'p-1', boqId: 'b-1', form: 'BOQ', completedOn: '2025-09-05' }),
    ];
    const center = (on: string) =>
      byId(statuses({ scope: 'provider', setting: 'center', enrolledOn: '2025-07-01', events: history, on }));

    it('is done by the event that met it, due while the window is open', () => {
      const mid = center('2025-08-15');
      expect(mid.get('demographic-survey')).toEqual({
        requirementId: 'demographic-survey',
        title: 'Demographic survey completed',
        kind: 'once',
        window: { from: '2025-07-01', to: '2025-08-31' },
        status: 'done',
        metBy: { type: 'DemographicSurveyCompleted', date: '2025-07-15', index: 2 },
      });
      expect(mid.get('evaluation-consent')).toMatchObject({
        status: 'done',
        metBy: { type: 'ConsentUploaded', index: 1 },
      });
      expect(mid.get('asq-se2-distributed')?.status).toBe('done');
      expect(mid.get('benchmarks-of-quality')?.status).toBe('due');
      expect(mid.get('asq-se2-scored-q-1')?.status).toBe('due');
    });

    it('does not count an event dated after the day asked about', () => {
      const mid = center('2025-08-15');
      expect(mid.get('observation-debriefed')).toMatchObject({ status: 'due' });
      expect(mid.get('observation-debriefed')?.metBy).toBeUndefined();
      expect(center('2025-08-28').get('observation-debriefed')).toMatchObject({
        status: 'done',
        metBy: { date: '2025-08-28', index: 5 },
      });
    });

    it('is still due on the window’s last day, overdue the day after', () => {
      expect(center('2025-08-31').get('asq-se2-scored-q-1')?.status).toBe('due');
      expect(center('2025-09-01').get('asq-se2-scored-q-1')?.status).toBe('overdue');
      expect(center('2025-09-01').get('joint-action-plan')?.status).toBe('overdue');
    });

    it('is done, and late, when met after the window closed', () => {
      expect(center('2025-09-04').get('benchmarks-of-quality')?.status).toBe('overdue');
      expect(center('2025-09-05').get('benchmarks-of-quality')).toMatchObject({
        status: 'done',
        late: true,
        metBy: { type: 'BenchmarksOfQualityCompleted', date: '2025-09-05', index: 6 },
      });
      expect(center('2025-09-05').get('demographic-survey')?.late).toBeUndefined();
    });

    it('makes consent and TPOT/TPITOS not applicable to a family child care home', () => {
      const fcch = byId(
        statuses({ scope: 'provider', setting: 'fcch', enrolledOn: '2025-07-01', events: history, on: '2025-09-10' }),
      );
      expect(
        ['evaluation-consent', 'observation-scheduled', 'observation-debriefed'].map((id) => fcch.get(id)),
      ).toEqual([
        expect.objectContaining({ status: 'not-applicable' }),
        expect.objectContaining({ status: 'not-applicable' }),
        expect.objectContaining({ status: 'not-applicable' }),
      ]);
      expect(fcch.get('evaluation-consent')?.metBy).toBeUndefined();
      expect(fcch.get('benchmarks-of-quality')?.status).toBe('done');
      expect(fcch.get('asq-se2-scored-q-1')?.status).toBe('overdue');
    });

    it('gives a provider enrolled mid-year two months from their enrollment', () => {
      const late = byId(
        statuses({ scope: 'provider', setting: 'center', enrolledOn: '2025-09-15', events: [], on: '2025-11-14' }),
      );
      expect(late.get('demographic-survey')).toMatchObject({
        window: { from: '2025-09-15', to: '2025-11-14' },
        status: 'due',
      });
      const after = byId(
        statuses({ scope: 'provider', setting: 'center', enrolledOn: '2025-09-15', events: [], on: '2025-11-15' }),
      );
      expect(after.get('demographic-survey')?.status).toBe('overdue');
    });

    it('does not count an event dated before the window opened', () => {
      const events = [ev('DemographicSurveyCompleted', { providerId: 'p-1', completedOn: '2025-09-10' })];
      const late = byId(
        statuses({ scope: 'provider', setting: 'center', enrolledOn: '2025-09-15', events, on: '2025-10-01' }),
      );
      expect(late.get('demographic-survey')?.status).toBe('due');
    });

    it('makes nothing applicable to a provider enrolled after the year', () => {
      const list = statuses({
        scope: 'provider',
        setting: 'center',
        enrolledOn: '2026-07-15',
        events: [],
        on: '2026-06-30',
      });
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((s) => s.status === 'not-applicable')).toBe(true);
    });
  });

  describe('monthly dosage (rule 1)', () => {
    const sessions = [
      session('s1', '2025-09-03', 90),
      session('s2', '2025-09-24', 60),
      session('s3', '2025-09-25', 30),
      session('s4', '2025-10-02', 100),
      session('s5', '2025-10-09', 120, 'consultation'),
      ev('SessionVoided', { providerId: 'p-1', sessionId: 's6', reason: 'Duplicate entry.' }),
      session('s6', '2025-10-20', 60),
    ];
    const dosage = (on: string, exitedOn?: string) =>
      byId(
        statuses({ scope: 'provider', setting: 'center', enrolledOn: '2025-07-01', exitedOn, events: sessions, on }),
      );

    it('expands to one requirement per month of enrollment', () =>
      expect([...dosage('2025-10-31').keys()].filter((id) => id.startsWith('dosage-'))).toEqual([
        'dosage-2025-07',
        'dosage-2025-08',
        'dosage-2025-09',
        'dosage-2025-10',
        'dosage-2025-11',
        'dosage-2025-12',
        'dosage-2026-01',
        'dosage-2026-02',
        'dosage-2026-03',
        'dosage-2026-04',
        'dosage-2026-05',
        'dosage-2026-06',
      ]));

    it('is met by the session that brought the month to 150 minutes', () =>
      expect(dosage('2025-10-31').get('dosage-2025-09')).toEqual({
        requirementId: 'dosage-2025-09',
        title: 'Coaching dosage: 2.5 hours this month',
        kind: 'monthly-dosage',
        month: '2025-09',
        window: { from: '2025-09-01', to: '2025-09-30' },
        status: 'done',
        metBy: { type: 'SessionLogged', date: '2025-09-24', index: 1 },
        minutes: 180,
        targetMinutes: 150,
      }));

    it('counts only sessions held up to the day asked about', () =>
      expect(dosage('2025-09-20').get('dosage-2025-09')).toMatchObject({ status: 'due', minutes: 90 }));

    it('leaves consultation and voided sessions out, and is overdue once the month ends short', () => {
      expect(dosage('2025-10-31').get('dosage-2025-10')).toMatchObject({ status: 'due', minutes: 100 });
      expect(dosage('2025-11-01').get('dosage-2025-10')).toMatchObject({ status: 'overdue', minutes: 100 });
      expect(dosage('2025-11-01').get('dosage-2025-11')).toMatchObject({ status: 'due', minutes: 0 });
    });

    it('makes the months after exit not applicable, the month of exit still counting', () => {
      const exited = dosage('2025-12-15', '2025-10-10');
      expect(exited.get('dosage-2025-10')?.status).toBe('overdue');
      expect(exited.get('dosage-2025-11')?.status).toBe('not-applicable');
      expect(exited.get('dosage-2026-06')?.status).toBe('not-applicable');
      expect(exited.get('dosage-2025-11')?.minutes).toBeUndefined();
    });

    it('starts at the month of a mid-year enrollment', () => {
      const list = statuses({
        scope: 'provider',
        setting: 'fcch',
        enrolledOn: '2026-03-20',
        events: [],
        on: '2026-03-25',
      });
      const months = list.filter((s) => s.kind === 'monthly-dosage');
      expect(months.map((s) => s.requirementId)).toEqual([
        'dosage-2026-03',
        'dosage-2026-04',
        'dosage-2026-05',
        'dosage-2026-06',
      ]);
      expect(months[0]?.window).toEqual({ from: '2026-03-20', to: '2026-03-31' });
    });
  });

  describe('community requirements (rules 6 and 7)', () => {
    const training = (trainingId: string, module: string, heldOn: string) =>
      ev('TrainingHeld', {
        communityId: 'kent',
        trainingId,
        module,
        heldOn,
        attendees: { providerIds: [], coachIds: [] },
      });
    const meeting = (n: number, heldOn: string) =>
      ev('ProviderCollaborationMeetingHeld', { communityId: 'kent', meetingId: `m-${n}`, heldOn });
    const history = [
      training('t-0', 'module-2b', '2025-06-20'),
      training('t-1', 'director-training', '2025-07-20'),
      training('t-2', 'module-1a', '2025-10-02'),
      training('t-3', 'other', '2025-11-05'),
      ...['2025-08-20', '2025-10-15', '2025-11-19', '2026-01-21', '2026-02-18'].map((d, i) => meeting(i + 1, d)),
    ];
    const community = (events: DomainEvent[], on: string) => byId(statuses({ scope: 'community', events, on }));

    it('holds only community requirements', () =>
      expect([...community(history, '2025-12-01').keys()]).toEqual([
        'director-training',
        'module-1a',
        'module-1b',
        'module-2a',
        'module-2b',
        'provider-collaboration-meetings',
        'focus-group',
      ]));

    it('meets a training by its module, in any month of the year (the guide’s months are suggestions)', () => {
      const list = community(history, '2025-12-01');
      expect(list.get('module-1a')).toMatchObject({
        status: 'done',
        metBy: { date: '2025-10-02', index: 2 },
        suggestedMonths: ['2025-09'],
      });
      expect(list.get('module-1a')?.late).toBeUndefined();
      expect(list.get('module-1b')).toMatchObject({ status: 'due', window: { from: '2025-07-01', to: '2026-06-30' } });
    });

    it('does not count a training held before the year began', () => {
      expect(community(history, '2026-06-30').get('module-2b')?.status).toBe('due');
      expect(community(history, '2026-07-01').get('module-2b')?.status).toBe('overdue');
    });

    it('suggests April to June for the focus group', () =>
      expect(community(history, '2025-12-01').get('focus-group')?.suggestedMonths).toEqual([
        '2026-04',
        '2026-05',
        '2026-06',
      ]));

    it('counts meetings toward six, overdue if the year ends short', () => {
      expect(community(history, '2026-06-30').get('provider-collaboration-meetings')).toMatchObject({
        status: 'due',
        count: 5,
      });
      expect(community(history, '2026-07-01').get('provider-collaboration-meetings')).toMatchObject({
        status: 'overdue',
        count: 5,
      });
    });

    it('is met by the sixth meeting', () =>
      expect(
        community([...history, meeting(6, '2026-03-18')], '2026-04-01').get('provider-collaboration-meetings'),
      ).toMatchObject({
        status: 'done',
        count: 6,
        metBy: { type: 'ProviderCollaborationMeetingHeld', date: '2026-03-18', index: 9 },
      }));

    it('stays done past twelve meetings, reporting the count as exceeded', () => {
      const thirteen = Array.from({ length: 13 }, (_, i) =>
        meeting(i + 1, `2025-${String(7 + (i % 6)).padStart(2, '0')}-${10 + i}`),
      );
      const status = community(thirteen, '2026-01-01').get('provider-collaboration-meetings');
      expect(status).toMatchObject({ status: 'done', count: 13, exceeded: true });
      expect(
        community(thirteen.slice(1), '2026-01-01').get('provider-collaboration-meetings')?.exceeded,
      ).toBeUndefined();
    });
  });

  describe('coach requirements (rule 8)', () => {
    const attended = (month: string, heldOn: string) =>
      ev('ReflectiveConsultationAttended', { coachId: 'c-03', month, heldOn, durationMinutes: 60 });
    const history = [
      attended('2025-07', '2025-07-16'),
      attended('2025-08', '2025-08-12'),
      attended('2025-10', '2025-11-03'),
      ev('ReflectiveConsultationSurveyCompleted', { coachId: 'c-03', completedOn: '2026-01-05' }),
    ];
    const coach = (on: string, events = history) => byId(statuses({ scope: 'coach', events, on }));

    it('asks for Reflective Consultation every month of the year', () => {
      const list = coach('2025-10-05');
      expect([...list.keys()].filter((id) => id.startsWith('reflective-consultation-2'))).toHaveLength(12);
      expect(list.get('reflective-consultation-2025-07')).toMatchObject({ status: 'done', metBy: { index: 0 } });
      expect(list.get('reflective-consultation-2025-08')?.status).toBe('done');
      expect(list.get('reflective-consultation-2025-09')?.status).toBe('overdue');
      expect(list.get('reflective-consultation-2025-10')?.status).toBe('due');
    });

    it('credits a consultation to the month it names, late when held after that month', () => {
      expect(coach('2025-11-10').get('reflective-consultation-2025-10')).toMatchObject({
        status: 'done',
        late: true,
        metBy: { index: 2 },
      });
      expect(coach('2025-11-10').get('reflective-consultation-2025-11')?.status).toBe('due');
    });

    it('asks for the RC survey in December', () => {
      expect(coach('2025-12-15').get('reflective-consultation-survey')).toMatchObject({
        status: 'due',
        window: { from: '2025-12-01', to: '2025-12-31' },
      });
      expect(coach('2026-01-02').get('reflective-consultation-survey')?.status).toBe('overdue');
      expect(coach('2026-01-05').get('reflective-consultation-survey')).toMatchObject({ status: 'done', late: true });
    });
  });
});
