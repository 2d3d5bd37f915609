import { RecordedEvent } from '@coachline/domain';
import { viewOf } from '../fold';
import { at, enrollment, historyBuilder } from '../testing';
import { eventIdOf, kentProgram, sessionData } from '../testing/fixtures';
import { timelineProjection } from './timeline.projection';
import { TimelineRequirement, TimelineView } from './timeline.view';

const timeline = (
  events: ReadonlyArray<RecordedEvent>,
  asOf: string,
  query: { providerId?: string; communityId?: string } = {},
): TimelineView => viewOf<TimelineView>(timelineProjection, events, { asOf, ...query });

const requirementsById = (requirements: ReadonlyArray<TimelineRequirement>) =>
  new Map(requirements.map((r) => [r.requirementId, r]));

const providerRequirements = (events: ReadonlyArray<RecordedEvent>, asOf: string, providerId = 'p-017') => {
  const provider = timeline(events, asOf, { providerId }).providers[0];
  if (!provider) throw new Error(`${providerId} is not in the timeline`);
  return requirementsById(provider.requirements);
};

const communityRequirements = (events: ReadonlyArray<RecordedEvent>, asOf: string) =>
  requirementsById(timeline(events, asOf, { communityId: 'kent' }).communities[0]!.programYears[0]!.requirements);

const coachRequirements = (events: ReadonlyArray<RecordedEvent>, asOf: string) =>
  requirementsById(
    timeline(events, asOf, { communityId: 'kent' }).communities[0]!.programYears[0]!.coaches[0]!.requirements,
  );

/** A center-based provider enrolled on the year's first day, with most of the initial data gathered in time. */
const initialData = () =>
  kentProgram()
    .add('ProviderEnrolled', enrollment('p-017', '2025-07-01'), at('2025-07-01'))
    .add(
      'ConsentUploaded',
      {
        providerId: 'p-017',
        consentId: 'k-1',
        instrument: 'TPOT',
        signedOn: '2025-07-10',
        document: { uri: 's3://consents/k-1.pdf', sha256: 'a'.repeat(64) },
      },
      at('2025-07-10'),
    )
    .add('DemographicSurveyCompleted', { providerId: 'p-017', completedOn: '2025-07-15' }, at('2025-07-15'))
    .add(
      'AsqSe2Distributed',
      {
        screeningId: 'q-1',
        providerId: 'p-017',
        childRef: 'child-1',
        ageIntervalMonths: 48,
        distributedOn: '2025-08-01',
      },
      at('2025-08-01'),
    )
    .add(
      'AsqSe2Scored',
      { screeningId: 'q-1', score: 40, zone: 'below-cutoff', scoredOn: '2025-08-20' },
      at('2025-08-20'),
    )
    .add(
      'ObservationScheduled',
      {
        providerId: 'p-017',
        observationId: 'o-1',
        instrument: 'TPOT',
        scheduledFor: '2025-08-20',
        observerId: 'obs-9',
      },
      at('2025-08-12'),
    )
    .add(
      'DebriefHeld',
      {
        providerId: 'p-017',
        observationId: 'o-1',
        heldOn: '2025-08-28',
        strengths: ['Warm greetings.'],
        nextSteps: ['Post the visual schedule.'],
      },
      at('2025-08-28'),
    )
    .add(
      'BenchmarksOfQualityCompleted',
      {
        providerId: 'p-017',
        boqId: 'b-1',
        form: 'BOQ',
        formVersion: '2023',
        completedOn: '2025-09-05',
        ratings: { 'leadership-team': 2 },
      },
      at('2025-09-05'),
    );

describe('the timeline view', () => {
  describe('initial data within the first two months (rule 3)', () => {
    const history = initialData().events();

    it('names the event that met a requirement by its id and type, on its date', () => {
      const requirements = providerRequirements(history, at('2025-08-15'));
      expect(requirements.get('demographic-survey')).toEqual({
        requirementId: 'demographic-survey',
        title: 'Demographic survey completed',
        kind: 'once',
        month: null,
        window: { from: '2025-07-01', to: '2025-08-31' },
        status: 'done',
        metBy: {
          eventId: eventIdOf(history, 'DemographicSurveyCompleted'),
          type: 'DemographicSurveyCompleted',
          date: '2025-07-15',
        },
        late: false,
        count: null,
        exceeded: false,
        minutes: null,
        targetMinutes: null,
        suggestedMonths: [],
        opensInDays: null,
        daysLeft: null,
        daysOverdue: null,
      });
      expect(requirements.get('evaluation-consent')?.metBy?.eventId).toBe(eventIdOf(history, 'ConsentUploaded'));
    });

    it('is met by the provider’s screenings, found through the screening that names the provider', () => {
      const requirements = providerRequirements(history, at('2025-08-25'));
      expect(requirements.get('asq-se2-distributed-preschool')?.metBy).toEqual({
        eventId: eventIdOf(history, 'AsqSe2Distributed'),
        type: 'AsqSe2Distributed',
        date: '2025-08-01',
      });
      expect(requirements.get('asq-se2-scored-q-1')?.metBy).toEqual({
        eventId: eventIdOf(history, 'AsqSe2Scored'),
        type: 'AsqSe2Scored',
        date: '2025-08-20',
      });
    });

    it('is due while the window is open and overdue from the day after it closes', () => {
      expect(providerRequirements(history, at('2025-08-15')).get('benchmarks-of-quality')?.status).toBe('due');
      expect(providerRequirements(history, '2025-08-31T23:59:59.999Z').get('joint-action-plan')?.status).toBe('due');
      const after = providerRequirements(history, at('2025-09-01'));
      expect(after.get('joint-action-plan')).toMatchObject({ status: 'overdue', metBy: null });
      expect(after.get('benchmarks-of-quality')?.status).toBe('overdue');
    });

    it('is done, and late, once met after the window closed', () =>
      expect(providerRequirements(history, at('2025-09-06')).get('benchmarks-of-quality')).toMatchObject({
        status: 'done',
        late: true,
        metBy: { eventId: eventIdOf(history, 'BenchmarksOfQualityCompleted'), date: '2025-09-05' },
      }));

    it('counts a late entry only from the moment it was recorded, on the date it was held', () => {
      const late = kentProgram()
        .add('ProviderEnrolled', enrollment('p-017', '2025-07-01'), at('2025-07-01'))
        .add('DemographicSurveyCompleted', { providerId: 'p-017', completedOn: '2025-08-20' }, at('2025-09-03'))
        .events();
      expect(providerRequirements(late, at('2025-09-02')).get('demographic-survey')?.status).toBe('overdue');
      expect(providerRequirements(late, at('2025-09-03')).get('demographic-survey')).toMatchObject({
        status: 'done',
        late: false,
        metBy: { date: '2025-08-20' },
      });
    });

    it('gives a provider enrolled mid-year two months from their enrollment', () => {
      const midYear = kentProgram()
        .add('ProviderEnrolled', enrollment('p-017', '2025-09-15'), at('2025-09-15'))
        .events();
      expect(providerRequirements(midYear, at('2025-11-14')).get('demographic-survey')).toMatchObject({
        window: { from: '2025-09-15', to: '2025-11-14' },
        status: 'due',
      });
      expect(providerRequirements(midYear, at('2025-11-15')).get('demographic-survey')?.status).toBe('overdue');
    });

    it('holds center-only items as not applicable to a family child care home, and the rest as usual', () => {
      const home = kentProgram()
        .add('ProviderEnrolled', enrollment('p-020', '2025-07-01', { setting: 'fcch' }), at('2025-07-01'))
        .events();
      const requirements = providerRequirements(home, at('2025-09-10'), 'p-020');
      for (const id of ['evaluation-consent', 'observation-scheduled', 'observation-debriefed'])
        expect(requirements.get(id)).toMatchObject({ status: 'not-applicable', metBy: null });
      expect(requirements.get('benchmarks-of-quality')?.status).toBe('overdue');
      expect(timeline(home, at('2025-09-10')).providers[0]?.setting).toBe('fcch');
    });
  });

  describe('monthly dosage (rule 1)', () => {
    const sessions = () =>
      kentProgram()
        .add('ProviderEnrolled', enrollment('p-017', '2025-09-02'), at('2025-09-02'))
        .add('SessionLogged', sessionData('p-017', 's-1', '2025-09-04', 90), at('2025-09-04'))
        .add('SessionLogged', sessionData('p-017', 's-2', '2025-09-16', 200, 'consultation'), at('2025-09-16'))
        .add('SessionLogged', sessionData('p-017', 's-3', '2025-09-18', 60), at('2025-09-18'))
        .add('SessionLogged', sessionData('p-017', 's-4', '2025-10-02', 150), at('2025-10-02'))
        .add(
          'SessionVoided',
          { providerId: 'p-017', sessionId: 's-4', reason: 'Logged for the wrong provider.' },
          at('2025-10-03'),
        );

    it('lists one requirement per month from enrollment to the end of the year', () => {
      const months = [...providerRequirements(sessions().events(), at('2025-09-20')).values()].filter(
        (r) => r.kind === 'monthly-dosage',
      );
      expect(months.map((r) => r.month)).toEqual([
        '2025-09',
        '2025-10',
        '2025-11',
        '2025-12',
        '2026-01',
        '2026-02',
        '2026-03',
        '2026-04',
        '2026-05',
        '2026-06',
      ]);
      expect(months[0]?.window).toEqual({ from: '2025-09-02', to: '2025-09-30' });
    });

    it('is met by the session that brought the month to 150 minutes, consultation not counting', () => {
      const history = sessions().events();
      expect(providerRequirements(history, at('2025-09-17')).get('dosage-2025-09')).toMatchObject({
        status: 'due',
        minutes: 90,
        targetMinutes: 150,
        metBy: null,
      });
      expect(providerRequirements(history, at('2025-09-18')).get('dosage-2025-09')).toMatchObject({
        status: 'done',
        minutes: 150,
        metBy: {
          eventId: eventIdOf(history, 'SessionLogged', { sessionId: 's-3' }),
          type: 'SessionLogged',
          date: '2025-09-18',
        },
      });
    });

    it('counts a session until it is voided, and a correction from when it is recorded', () => {
      const history = sessions()
        .add(
          'SessionCorrected',
          { providerId: 'p-017', sessionId: 's-1', changes: { durationMinutes: 30 }, reason: 'Left early.' },
          at('2025-10-05'),
        )
        .events();
      expect(providerRequirements(history, at('2025-10-02')).get('dosage-2025-10')?.status).toBe('done');
      expect(providerRequirements(history, at('2025-10-03')).get('dosage-2025-10')).toMatchObject({
        status: 'due',
        minutes: 0,
      });
      expect(providerRequirements(history, at('2025-10-04')).get('dosage-2025-09')).toMatchObject({
        status: 'done',
        minutes: 150,
      });
      expect(providerRequirements(history, at('2025-10-05')).get('dosage-2025-09')).toMatchObject({
        status: 'overdue',
        minutes: 90,
        metBy: null,
      });
    });

    it('makes the months after exit not applicable', () => {
      const history = sessions()
        .add('ProviderExited', { providerId: 'p-017', on: '2025-10-10', reason: 'Moved away.' }, at('2025-10-10'))
        .events();
      const requirements = providerRequirements(history, at('2025-12-01'));
      expect(requirements.get('dosage-2025-10')?.status).toBe('overdue');
      expect(requirements.get('dosage-2025-11')?.status).toBe('not-applicable');
      expect(timeline(history, at('2025-12-01')).providers[0]?.exitedOn).toBe('2025-10-10');
    });
  });

  describe('community trainings and meetings (rules 6 and 7)', () => {
    const training = (
      trainingId: string,
      module: 'director-training' | 'module-1a' | 'module-1b' | 'module-2a' | 'module-2b',
      heldOn: string,
    ) => ({ communityId: 'kent', trainingId, module, heldOn, attendees: { providerIds: [], coachIds: ['c-03'] } });
    const meeting = (n: number, heldOn: string) => ({
      communityId: 'kent',
      meetingId: `m-${n}`,
      heldOn,
      facilitatorIds: ['c-03'],
      attendeeIds: ['p-017'],
      topic: 'Transitions.',
    });
    const meetings = (dates: ReadonlyArray<string>) =>
      dates.reduce(
        (builder, heldOn, i) => builder.add('ProviderCollaborationMeetingHeld', meeting(i + 1, heldOn), at(heldOn)),
        kentProgram(),
      );

    it('meets a training by its module in any month of the year, the guide’s months only suggested', () => {
      const history = kentProgram()
        .add('TrainingHeld', training('t-0', 'module-1b', '2025-06-10'), at('2025-06-10'))
        .add('TrainingHeld', training('t-1', 'module-1a', '2025-10-02'), at('2025-10-02'))
        .events();
      const requirements = communityRequirements(history, at('2025-12-01'));
      expect(requirements.get('module-1a')).toMatchObject({
        status: 'done',
        late: false,
        suggestedMonths: ['2025-09'],
        metBy: {
          eventId: eventIdOf(history, 'TrainingHeld', { trainingId: 't-1' }),
          type: 'TrainingHeld',
          date: '2025-10-02',
        },
      });
      expect(requirements.get('director-training')).toMatchObject({
        status: 'due',
        window: { from: '2025-07-01', to: '2026-06-30' },
      });
      // A training held before the year began does not count for it.
      expect(communityRequirements(history, at('2026-06-30')).get('module-1b')?.status).toBe('due');
      expect(communityRequirements(history, at('2026-07-01')).get('module-1b')?.status).toBe('overdue');
    });

    it('counts meetings toward six: due while short, overdue when the year ends short', () => {
      const history = meetings(['2025-08-20', '2025-10-15', '2025-11-19', '2026-01-21', '2026-02-18']).events();
      expect(communityRequirements(history, at('2026-06-30')).get('provider-collaboration-meetings')).toMatchObject({
        status: 'due',
        count: 5,
      });
      expect(communityRequirements(history, at('2026-07-01')).get('provider-collaboration-meetings')).toMatchObject({
        status: 'overdue',
        count: 5,
      });
    });

    it('is met by the sixth meeting, and reports more than twelve as exceeded', () => {
      const six = meetings([
        '2025-08-20',
        '2025-09-17',
        '2025-10-15',
        '2025-11-19',
        '2026-01-21',
        '2026-02-18',
      ]).events();
      expect(communityRequirements(six, at('2026-02-17')).get('provider-collaboration-meetings')).toMatchObject({
        status: 'due',
        count: 5,
      });
      expect(communityRequirements(six, at('2026-02-18')).get('provider-collaboration-meetings')).toMatchObject({
        status: 'done',
        count: 6,
        exceeded: false,
        metBy: {
          eventId: eventIdOf(six, 'ProviderCollaborationMeetingHeld', { meetingId: 'm-6' }),
          date: '2026-02-18',
        },
      });
      const thirteen = meetings(
        Array.from(
          { length: 13 },
          (_, i) =>
            `2025-${String(7 + Math.floor(i / 3)).padStart(2, '0')}-${String(5 + (i % 3) * 7).padStart(2, '0')}`,
        ),
      ).events();
      expect(communityRequirements(thirteen, at('2026-01-01')).get('provider-collaboration-meetings')).toMatchObject({
        status: 'done',
        count: 13,
        exceeded: true,
      });
    });
  });

  describe('Reflective Consultation (rule 8)', () => {
    const attended = (month: string, heldOn: string) => ({ coachId: 'c-03', month, heldOn, durationMinutes: 60 });

    it('asks each coach for a consultation every month, counted for the month it names', () => {
      const history = kentProgram()
        .add('ReflectiveConsultationAttended', attended('2025-07', '2025-07-15'), at('2025-07-15'))
        .add('ReflectiveConsultationAttended', attended('2025-08', '2025-09-02'), at('2025-09-02'))
        .events();
      const august = coachRequirements(history, at('2025-08-20'));
      expect(august.get('reflective-consultation-2025-07')).toMatchObject({
        status: 'done',
        month: '2025-07',
        metBy: {
          eventId: eventIdOf(history, 'ReflectiveConsultationAttended', { month: '2025-07' }),
          type: 'ReflectiveConsultationAttended',
        },
      });
      expect(august.get('reflective-consultation-2025-08')?.status).toBe('due');
      expect(coachRequirements(history, at('2025-09-01')).get('reflective-consultation-2025-08')?.status).toBe(
        'overdue',
      );
      expect(coachRequirements(history, at('2025-09-02')).get('reflective-consultation-2025-08')).toMatchObject({
        status: 'done',
        late: true,
      });
    });

    it('asks for the survey in December: upcoming before it, due until its end, then overdue or done', () => {
      const none = kentProgram().events();
      expect(coachRequirements(none, at('2025-11-30')).get('reflective-consultation-survey')).toMatchObject({
        status: 'upcoming',
        opensInDays: 1,
        window: { from: '2025-12-01', to: '2025-12-31' },
      });
      expect(coachRequirements(none, at('2025-12-01')).get('reflective-consultation-survey')).toMatchObject({
        status: 'due',
        daysLeft: 30,
      });
      expect(coachRequirements(none, at('2026-01-01')).get('reflective-consultation-survey')?.status).toBe('overdue');
      const done = kentProgram()
        .add('ReflectiveConsultationSurveyCompleted', { coachId: 'c-03', completedOn: '2025-12-10' }, at('2025-12-10'))
        .events();
      expect(coachRequirements(done, at('2026-01-01')).get('reflective-consultation-survey')).toMatchObject({
        status: 'done',
        metBy: { eventId: eventIdOf(done, 'ReflectiveConsultationSurveyCompleted'), date: '2025-12-10' },
      });
    });
  });

  describe('another guide', () => {
    it('follows the STARS guide of the provider’s program year, met by the provider’s agreement', () => {
      const party = (p: 'coach' | 'supervisor' | 'coachee', signedOn: string) => ({
        agreementId: 'ag-1',
        party: p,
        signedBy: `${p}-1`,
        signedOn,
      });
      const history = historyBuilder()
        .add(
          'ProgramYearStarted',
          {
            communityId: 'lake',
            programYearId: 'py-s',
            guideId: 'stars-pbc',
            startsOn: '2025-07-01',
            endsOn: '2026-06-30',
          },
          at('2025-06-20'),
        )
        .add(
          'ProviderEnrolled',
          enrollment('p-1', '2025-09-01', { communityId: 'lake', programYearId: 'py-s' }),
          at('2025-09-01'),
        )
        .add(
          'AgreementDrafted',
          {
            agreementId: 'ag-1',
            providerId: 'p-1',
            coachId: 'c-03',
            practices: ['schedules-routines'],
            visitMode: 'in-person',
            estimatedCycles: 6,
            cadence: 'every-two-weeks',
          },
          at('2025-09-02'),
        )
        .add('AgreementSigned', party('coach', '2025-09-03'), at('2025-09-03'))
        .add('AgreementSigned', party('supervisor', '2025-09-05'), at('2025-09-05'))
        .add('AgreementSigned', party('coachee', '2025-09-08'), at('2025-09-08'))
        .events();
      const provider = timeline(history, at('2025-09-10'), { providerId: 'p-1' }).providers[0]!;
      expect(provider.guideId).toBe('stars-pbc');
      expect(provider.requirements.map((r) => r.requirementId)).toEqual(['agreement-signed', 'first-coaching-cycle']);
      expect(provider.requirements[0]).toMatchObject({
        status: 'done',
        count: 3,
        metBy: {
          eventId: eventIdOf(history, 'AgreementSigned', { party: 'coachee' }),
          type: 'AgreementSigned',
          date: '2025-09-08',
        },
      });
      expect(timeline(history, at('2025-09-06'), { providerId: 'p-1' }).providers[0]!.requirements[0]).toMatchObject({
        status: 'due',
        count: 2,
      });
    });

    it('lists a provider whose program year is not known yet, with no requirements to judge', () => {
      const history = historyBuilder()
        .add('ProviderEnrolled', enrollment('p-1', '2025-09-01', { programYearId: 'py-unknown' }), at('2025-09-01'))
        .events();
      expect(timeline(history, at('2025-09-02')).providers).toEqual([
        expect.objectContaining({ providerId: 'p-1', programYearId: 'py-unknown', guideId: null, requirements: [] }),
      ]);
    });
  });

  describe('who is listed', () => {
    const history = initialData()
      .add('ProviderEnrolled', enrollment('p-002', '2025-07-01'), at('2025-07-01'))
      .add('CommunityRegistered', { communityId: 'lake', name: 'Lake County', kind: 'county' }, at('2025-06-20'))
      .add('ProviderEnrolled', enrollment('p-900', '2025-07-01', { communityId: 'lake' }), at('2025-07-01'))
      .events();

    it('lists every provider and every community, with its program years and coaches, when nobody is named', () => {
      const view = timeline(history, at('2025-08-01'));
      expect(view.on).toBe('2025-08-01');
      expect(view.providers.map((p) => p.providerId)).toEqual(['p-002', 'p-017', 'p-900']);
      expect(view.communities.map((c) => [c.communityId, c.programYears.map((y) => y.programYearId)])).toEqual([
        ['kent', ['py-2025']],
        ['lake', []],
      ]);
      expect(view.communities[0]!.programYears[0]!.coaches.map((c) => c.coachId)).toEqual(['c-03']);
    });

    it('shows one provider and no community when a provider is asked for', () => {
      const view = timeline(history, at('2025-08-01'), { providerId: 'p-017' });
      expect(view.providers.map((p) => p.providerId)).toEqual(['p-017']);
      expect(view.communities).toEqual([]);
    });

    it('shows a community with its own providers when a community is asked for', () => {
      const view = timeline(history, at('2025-08-01'), { communityId: 'kent' });
      expect(view.providers.map((p) => p.providerId)).toEqual(['p-002', 'p-017']);
      expect(view.communities.map((c) => c.communityId)).toEqual(['kent']);
    });

    it('names each provider’s coach and site as known at the moment asked about, reassignments included', () => {
      const reassigned = initialData()
        .add('ProviderEnrolled', enrollment('p-002', '2025-07-01'), at('2025-07-01'))
        .add('CommunityRegistered', { communityId: 'lake', name: 'Lake County', kind: 'county' }, at('2025-06-20'))
        .add('ProviderEnrolled', enrollment('p-900', '2025-07-01', { communityId: 'lake' }), at('2025-07-01'))
        .add(
          'ProviderReassigned',
          { providerId: 'p-002', fromCoachId: 'c-03', toCoachId: 'c-07', on: '2025-08-10' },
          at('2025-08-10'),
        )
        .events();
      const coachOf = (asOf: string) =>
        timeline(reassigned, asOf).providers.map((p) => [p.providerId, p.coachId, p.siteId]);
      expect(coachOf(at('2025-08-09'))).toEqual([
        ['p-002', 'c-03', 'site-p-002'],
        ['p-017', 'c-03', 'site-p-017'],
        ['p-900', 'c-03', 'site-p-900'],
      ]);
      expect(coachOf(at('2025-08-10'))[0]).toEqual(['p-002', 'c-07', 'site-p-002']);
    });

    it('shows nobody before their enrollment was recorded', () =>
      expect(timeline(history, at('2025-06-30')).providers).toEqual([]));

    it('produces a view its codec accepts, and a row per requirement of every subject', () => {
      const view = timeline(history, at('2025-09-06'));
      expect(timelineProjection.viewCodec.is(view)).toBe(true);
      const table = timelineProjection.table(view);
      const requirementCount =
        view.providers.reduce((n, p) => n + p.requirements.length, 0) +
        view.communities
          .flatMap((c) => c.programYears)
          .reduce((n, y) => n + y.requirements.length + y.coaches.reduce((m, c) => m + c.requirements.length, 0), 0);
      expect(table.rows).toHaveLength(requirementCount);
      expect(table.rows.every((row) => row.length === table.header.length)).toBe(true);
      const boq = table.rows.find((row) => row[1] === 'p-017' && row[4] === 'benchmarks-of-quality')!;
      expect(boq[table.header.indexOf('metByEventId')]).toBe(eventIdOf(history, 'BenchmarksOfQualityCompleted'));
      expect(boq[table.header.indexOf('late')]).toBe(true);
    });
  });
});
