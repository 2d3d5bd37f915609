import { asAdmin, daysAfter, seedProgram, todayUtc } from './admin-requests';
import type { WebApi } from './api-process';

const COMPONENTS = [
  'definition',
  'conditions-warranting-coaching',
  'recruitment-selection',
  'supervision-accountability',
  'decision-making-authority',
  'time-allocation',
  'service-delivery-plan',
];

/** The first day of this school year in UTC, as `seedProgram` starts its program year. */
export const schoolYearStart = (today: string = todayUtc()): string => {
  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 7 ? 1 : 0);
  return `${year}-07-01`;
};

const post = (api: WebApi, path: string, body: unknown) => asAdmin(api, 'POST', path, body);

/**
 * What a supervisor's pages need, through the API: Kent County's year with coach `c-1` and
 * providers `p-1` and `p-2` (`seedProgram`), `p-1` coached 30 minutes this month; a second coach
 * `c-2` with a qualification still to verify; a district team coached by `c-1` with a plan,
 * coaching and a consultation in two months and two effectiveness readings; and the community's
 * coaching system defined, approved, shared, one checklist item in place and a training with
 * feedback.
 */
export const seedStaffProgram = async (api: WebApi): Promise<void> => {
  const today = todayUtc();
  const startsOn = schoolYearStart(today);
  await seedProgram(api, { coachId: 'c-1', providerIds: ['p-1', 'p-2'] });
  await post(api, '/providers/p-1/sessions', {
    sessionId: 's-now',
    coachId: 'c-1',
    heldOn: today,
    durationMinutes: 30,
    kind: 'coaching-conversation',
    mode: 'in-person',
    agendaUsed: true,
    practices: ['schedules-routines'],
    strategies: ['modeling'],
  });
  await post(api, '/coaches/c-2/registration', { communityId: 'kent', name: 'Sam Okafor', role: 'coach' });
  await post(api, '/coaches/c-2/qualifications', {
    qualificationId: 'q-2',
    credential: 'Pyramid Model coach',
    pathway: 'Certification course',
    trainingContent: ['practice-based coaching'],
    competencies: ['observation', 'feedback'],
  });

  const lastMonth = daysAfter(`${today.slice(0, 7)}-01`, -20);
  const earlier = lastMonth < startsOn ? startsOn : lastMonth;
  await post(api, '/teams/dit-kent/registration', {
    communityId: 'kent',
    level: 'district',
    name: 'Kent District Implementation Team',
    coachId: 'c-1',
    registeredOn: startsOn,
    members: [
      { memberId: 'm-1', role: 'Director' },
      { memberId: 'm-2', role: 'MTSS coordinator' },
    ],
  });
  await post(api, '/teams/dit-kent/service-delivery-plans', {
    coachId: 'c-1',
    setOn: startsOn,
    coachingType: 'systems',
    minutesPerMonth: 120,
    frequency: 'every two weeks',
    focus: ['Tier 1 data review'],
  });
  const teamSession = (sessionId: string, heldOn: string, contact: string, durationMinutes: number) =>
    post(api, '/teams/dit-kent/sessions', {
      sessionId,
      coachId: 'c-1',
      heldOn,
      durationMinutes,
      contact,
      inSetting: contact === 'coaching',
      mode: contact === 'coaching' ? 'in-person' : 'virtual',
      membersPresent: ['m-1', 'm-2'],
    });
  await teamSession('ts-1', earlier, 'coaching', 120);
  await teamSession('ts-2', earlier, 'consultation', 45);
  await teamSession('ts-3', today, 'coaching', 60);
  await post(api, '/teams/dit-kent/effectiveness', { recordedOn: earlier, measure: 'TFI Tier 1', percent: 55 });
  await post(api, '/teams/dit-kent/effectiveness', { recordedOn: today, measure: 'TFI Tier 1', percent: 70 });

  for (const component of COMPONENTS)
    await post(api, '/communities/kent/coaching-system-components', { component, text: `Our ${component}.` });
  await post(api, '/communities/kent/coaching-system-approval', { approvedBy: 'admin-1', approvedOn: startsOn });
  await post(api, '/communities/kent/coaching-system-sharings', { audience: 'coaches', sharedOn: startsOn });
  await post(api, '/communities/kent/district-checklist-items', {
    item: 'system-approved',
    status: 'in-place',
    recordedOn: startsOn,
  });
  const trainedOn = daysAfter(startsOn, 30);
  await post(api, '/communities/kent/trainings', {
    trainingId: 't-1',
    module: 'module-1a',
    heldOn: trainedOn,
    attendees: { providerIds: ['p-1'], coachIds: ['c-1'] },
  });
  await post(api, '/communities/kent/training-feedback', {
    trainingId: 't-1',
    givenOn: trainedOn,
    useful: 5,
    willUse: 4,
    diversity: 4,
  });
};
