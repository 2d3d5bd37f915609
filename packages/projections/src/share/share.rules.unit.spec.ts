import fc from 'fast-check';
import { RecordedEvent } from '@coachline/domain';
import { viewOf } from '../fold';
import { at, enrollment, historyBuilder } from '../testing';
import { sessionData } from '../testing/fixtures';
import { shareProjection } from './share.projection';
import { ProviderShare, ShareView } from './share.view';

const share = (events: ReadonlyArray<RecordedEvent>, asOf = at('2025-12-01')): ShareView =>
  viewOf<ShareView>(shareProjection, events, { asOf });

const provider = (events: ReadonlyArray<RecordedEvent>): ProviderShare => {
  const found = share(events).providers.find((p) => p.providerId === 'p-017');
  if (!found) throw new Error('p-017 is not in the share');
  return found;
};

const drafted = (agreementId: string, practices: string[]) => ({
  agreementId,
  providerId: 'p-017',
  coachId: 'c-03',
  practices,
  visitMode: 'in-person' as const,
  estimatedCycles: 6,
  cadence: 'every-two-weeks' as const,
});
const plan = (
  actionPlanId: string,
  goals: Array<{ goalId: string; practice: string; description: string }>,
  setOn: string,
) => ({
  providerId: 'p-017',
  actionPlanId,
  goals,
  steps: ['Print the schedule cards.'],
  setOn,
});
const cycle = (agreementId: string, cycleNumber: number, completedOn: string) => ({
  agreementId,
  cycleNumber,
  completedOn,
  sessionIds: [`s-${cycleNumber}`],
});

const enrolled = () => historyBuilder().add('ProviderEnrolled', enrollment('p-017', '2025-09-02'), at('2025-09-02'));

describe('what the share records once', () => {
  it('keeps a goal as first set: a later plan naming the same goal changes neither its text nor its place', () => {
    const history = enrolled()
      .add(
        'ActionPlanSet',
        plan(
          'ap-1',
          [
            { goalId: 'g-1', practice: 'schedules-routines', description: 'Use a visual schedule every morning.' },
            { goalId: 'g-2', practice: 'transitions', description: 'Give a two-minute warning.' },
          ],
          '2025-09-10',
        ),
        at('2025-09-10'),
      )
      .add(
        'ActionPlanSet',
        plan(
          'ap-2',
          [
            { goalId: 'g-3', practice: 'friendship-skills', description: 'Pair children for clean-up.' },
            { goalId: 'g-1', practice: 'transitions', description: 'Rewritten goal.' },
          ],
          '2025-10-10',
        ),
        at('2025-10-10'),
      )
      .events();
    expect(provider(history).goals).toEqual([
      {
        goalId: 'g-1',
        practice: 'schedules-routines',
        description: 'Use a visual schedule every morning.',
        achieved: false,
      },
      { goalId: 'g-2', practice: 'transitions', description: 'Give a two-minute warning.', achieved: false },
      { goalId: 'g-3', practice: 'friendship-skills', description: 'Pair children for clean-up.', achieved: false },
    ]);
  });

  it('keeps a goal named twice in one plan once, as first written', () => {
    const history = enrolled()
      .add(
        'ActionPlanSet',
        plan(
          'ap-1',
          [
            { goalId: 'g-1', practice: 'schedules-routines', description: 'First wording.' },
            { goalId: 'g-1', practice: 'transitions', description: 'Second wording.' },
          ],
          '2025-09-10',
        ),
        at('2025-09-10'),
      )
      .events();
    expect(provider(history).goals).toEqual([
      { goalId: 'g-1', practice: 'schedules-routines', description: 'First wording.', achieved: false },
    ]);
  });

  it('counts a cycle number once per agreement, while the same number of another agreement counts on its own', () => {
    const history = enrolled()
      .add('AgreementDrafted', drafted('ag-1', ['schedules-routines']), at('2025-09-03'))
      .add('AgreementDrafted', drafted('ag-2', ['transitions']), at('2025-09-03'))
      .add('CoachingCycleCompleted', cycle('ag-1', 1, '2025-09-20'), at('2025-09-20'))
      .add('CoachingCycleCompleted', cycle('ag-1', 1, '2025-10-01'), at('2025-10-01'))
      .add('CoachingCycleCompleted', cycle('ag-2', 1, '2025-10-01'), at('2025-10-01'))
      .events();
    expect(provider(history).completedCycles).toBe(2);
  });

  it('keeps an agreement’s practice list as first drafted', () => {
    const history = enrolled()
      .add('AgreementDrafted', drafted('ag-1', ['schedules-routines']), at('2025-09-03'))
      .add('AgreementDrafted', drafted('ag-1', ['transitions', 'friendship-skills']), at('2025-09-04'))
      .events();
    expect(provider(history).practiceLists).toEqual([{ agreementId: 'ag-1', practices: ['schedules-routines'] }]);
  });

  it('keeps a session as first logged: a second log of the same session changes neither its day, its length nor its place', () => {
    const history = enrolled()
      .add('SessionLogged', sessionData('p-017', 's-1', '2025-09-04', 45), at('2025-09-04'))
      .add('SessionLogged', sessionData('p-017', 's-2', '2025-09-04', 60), at('2025-09-04'))
      .add('SessionLogged', sessionData('p-017', 's-1', '2025-09-20', 90), at('2025-09-20'))
      .events();
    expect(provider(history).sessions).toEqual([
      { heldOn: '2025-09-04', durationMinutes: 45 },
      { heldOn: '2025-09-04', durationMinutes: 60 },
    ]);
  });

  it('lists sessions of one day in the order they were logged, whatever their ids', () => {
    const history = enrolled()
      .add('SessionLogged', sessionData('p-017', 's-9', '2025-09-04', 30), at('2025-09-04'))
      .add('SessionLogged', sessionData('p-017', 's-1', '2025-09-04', 75), at('2025-09-04'))
      .add('SessionLogged', sessionData('p-017', 's-5', '2025-09-03', 20), at('2025-09-04'))
      .events();
    expect(provider(history).sessions.map((s) => s.durationMinutes)).toEqual([20, 30, 75]);
  });

  it('keeps the logged order of one day even for ids spelt as numbers, which an object would list in numeric order', () => {
    const history = enrolled()
      .add('SessionLogged', sessionData('p-017', '10', '2025-09-04', 30), at('2025-09-04'))
      .add('SessionLogged', sessionData('p-017', '9', '2025-09-04', 75), at('2025-09-04'))
      .events();
    expect(provider(history).sessions.map((s) => s.durationMinutes)).toEqual([30, 75]);
  });

  it('applies a correction delivered again after a later one only once: the later correction stands', () => {
    const history = enrolled()
      .add('SessionLogged', sessionData('p-017', 's-1', '2025-09-04', 45), at('2025-09-04'))
      .add(
        'SessionCorrected',
        { providerId: 'p-017', sessionId: 's-1', changes: { durationMinutes: 90 }, reason: 'Ran long.' },
        at('2025-09-05'),
      )
      .add(
        'SessionCorrected',
        { providerId: 'p-017', sessionId: 's-1', changes: { durationMinutes: 60 }, reason: 'Ran less long.' },
        at('2025-09-06'),
      )
      .events();
    const firstCorrection = history[2]!;
    expect(provider([...history, firstCorrection]).sessions).toEqual([{ heldOn: '2025-09-04', durationMinutes: 60 }]);
  });

  it('gives the same share when any of its events is delivered twice, at once or later', () => {
    const history = enrolled()
      .add('AgreementDrafted', drafted('ag-1', ['schedules-routines', 'transitions']), at('2025-09-03'))
      .add(
        'ActionPlanSet',
        plan(
          'ap-1',
          [{ goalId: 'g-1', practice: 'transitions', description: 'Give a two-minute warning.' }],
          '2025-09-10',
        ),
        at('2025-09-10'),
      )
      .add('SessionLogged', sessionData('p-017', 's-1', '2025-09-04', 45), at('2025-09-04'))
      .add('SessionLogged', sessionData('p-017', 's-2', '2025-09-04', 30), at('2025-09-04'))
      .add('SessionLogged', sessionData('p-017', 's-3', '2025-09-11', 60), at('2025-09-11'))
      .add(
        'SessionCorrected',
        { providerId: 'p-017', sessionId: 's-1', changes: { durationMinutes: 90 }, reason: 'Ran long.' },
        at('2025-09-12'),
      )
      .add(
        'SessionCorrected',
        {
          providerId: 'p-017',
          sessionId: 's-1',
          changes: { heldOn: '2025-09-05', durationMinutes: 50 },
          reason: 'Wrong day.',
        },
        at('2025-09-13'),
      )
      .add('SessionVoided', { providerId: 'p-017', sessionId: 's-3', reason: 'Logged by mistake.' }, at('2025-09-14'))
      .add('GoalAchieved', { providerId: 'p-017', goalId: 'g-1', on: '2025-10-15' }, at('2025-10-15'))
      .add('CoachingCycleCompleted', cycle('ag-1', 1, '2025-09-20'), at('2025-09-20'))
      .events();
    const once = share(history);
    expect(once.providers[0]).toMatchObject({
      completedCycles: 1,
      sessions: [
        { heldOn: '2025-09-04', durationMinutes: 30 },
        { heldOn: '2025-09-05', durationMinutes: 50 },
      ],
    });
    fc.assert(
      fc.property(
        fc.subarray(
          history.map((_, i) => i),
          { minLength: 1 },
        ),
        fc.array(fc.nat({ max: history.length - 1 }), { minLength: 1, maxLength: 4 }),
        (repeated, later) => {
          const twice = history.flatMap((event, i) => (repeated.includes(i) ? [event, event] : [event]));
          expect(share(twice)).toEqual(once);
          expect(share([...history, ...later.map((i) => history[i]!)])).toEqual(once);
        },
      ),
    );
  });
});

describe('the share table', () => {
  it('names its columns and gives every row one cell per column', () => {
    const history = enrolled()
      .add('AgreementDrafted', drafted('ag-1', ['schedules-routines', 'transitions']), at('2025-09-03'))
      .add(
        'ActionPlanSet',
        plan(
          'ap-1',
          [{ goalId: 'g-1', practice: 'transitions', description: 'Give a two-minute warning.' }],
          '2025-09-10',
        ),
        at('2025-09-10'),
      )
      .add('SessionLogged', sessionData('p-017', 's-1', '2025-09-04', 45), at('2025-09-04'))
      .events();
    const table = shareProjection.table(share(history));
    expect(table.header).toEqual([
      'providerId',
      'record',
      'id',
      'practices',
      'description',
      'achieved',
      'heldOn',
      'durationMinutes',
      'completedCycles',
    ]);
    expect(table.rows).toEqual([
      ['p-017', 'practice-list', 'ag-1', 'schedules-routines;transitions', null, null, null, null, null],
      ['p-017', 'goal', 'g-1', 'transitions', 'Give a two-minute warning.', false, null, null, null],
      ['p-017', 'session', null, null, null, null, '2025-09-04', 45, null],
      ['p-017', 'cycles', null, null, null, null, null, null, 0],
    ]);
  });
});
