import { DomainEvent } from '../kernel/decider';
import { ProgramGuide } from './program-guide';
import { requirementStatuses, StatusQuery } from './requirement-status';

/**
 * A provider enrolled on the last day of the program year has a window of one day: the
 * requirement is due on that day, met by an event of that day, and overdue the day after.
 */
const guide: ProgramGuide = {
  guideId: 'one-day',
  title: 'A guide for the edges of windows',
  source: 'Made up for the tests.',
  requirements: [
    {
      kind: 'once',
      id: 'self-assessment',
      title: 'Self-assessment completed',
      scope: 'provider',
      window: { anchor: 'enrollment' },
      event: { type: 'BenchmarksOfQualityCompleted', dateField: 'completedOn' },
    },
    {
      kind: 'monthly',
      id: 'visit',
      title: 'A visit each month',
      scope: 'provider',
      window: { anchor: 'enrollment' },
      event: { type: 'TrainingHeld', dateField: 'heldOn' },
    },
  ],
};

const programYear = { startsOn: '2025-07-01', endsOn: '2026-06-30' };
const lastDay = '2026-06-30';

const selfAssessment = (completedOn: string): DomainEvent => ({
  type: 'BenchmarksOfQualityCompleted',
  data: { completedOn },
});
const visit = (heldOn: string): DomainEvent => ({ type: 'TrainingHeld', data: { heldOn } });

const statuses = (query: Partial<StatusQuery> & Pick<StatusQuery, 'on'>) =>
  requirementStatuses({ guide, programYear, scope: 'provider', enrolledOn: lastDay, events: [], ...query });

describe('a window of one day', () => {
  it('opens and closes on the day of enrollment, and is due on that day', () =>
    expect(statuses({ on: lastDay })).toEqual([
      {
        requirementId: 'self-assessment',
        title: 'Self-assessment completed',
        kind: 'once',
        window: { from: lastDay, to: lastDay },
        status: 'due',
        daysLeft: 0,
      },
      {
        requirementId: 'visit-2026-06',
        title: 'A visit each month',
        kind: 'monthly',
        month: '2026-06',
        window: { from: lastDay, to: lastDay },
        status: 'due',
        daysLeft: 0,
      },
    ]));

  it('is upcoming the day before it opens, opening in one day', () =>
    expect(statuses({ on: '2026-06-29' }).map((s) => [s.status, s.opensInDays])).toEqual([
      ['upcoming', 1],
      ['upcoming', 1],
    ]));

  it('is overdue the day after, by one day', () =>
    expect(statuses({ on: '2026-07-01' }).map((s) => [s.status, s.daysOverdue])).toEqual([
      ['overdue', 1],
      ['overdue', 1],
    ]));

  it('is met on time by an event of its one day', () => {
    const [once, monthly] = statuses({ on: lastDay, events: [selfAssessment(lastDay), visit(lastDay)] });
    expect(once).toMatchObject({
      status: 'done',
      metBy: { type: 'BenchmarksOfQualityCompleted', date: lastDay, index: 0 },
    });
    expect(once).not.toHaveProperty('late');
    expect(monthly).toMatchObject({ status: 'done', metBy: { type: 'TrainingHeld', date: lastDay, index: 1 } });
    expect(monthly).not.toHaveProperty('late');
  });

  it('is not met by an event of the day before it opened', () =>
    expect(statuses({ on: lastDay, events: [selfAssessment('2026-06-29')] })[0]).toMatchObject({ status: 'due' }));

  it('counts no event dated after the day asked about', () =>
    expect(
      statuses({ on: '2026-06-29', enrolledOn: '2026-06-29', events: [selfAssessment(lastDay)] })[0],
    ).toMatchObject({ status: 'due', daysLeft: 1 }));

  it('is met late by an event of the day after, one day late', () =>
    expect(statuses({ on: '2026-07-01', events: [selfAssessment('2026-07-01')] })[0]).toMatchObject({
      status: 'done',
      late: true,
      daysOverdue: 1,
      metBy: { date: '2026-07-01' },
    }));

  it('applies to a provider who exits on that same day', () =>
    expect(statuses({ on: lastDay, exitedOn: lastDay }).map((s) => s.status)).toEqual(['due', 'due']));

  it('does not apply when the exit falls on the day before the window opens', () =>
    expect(statuses({ on: lastDay, exitedOn: '2026-06-29' }).map((s) => s.status)).toEqual([
      'not-applicable',
      'not-applicable',
    ]));

  it('is empty, and applies to no one, for an enrollment the day after the year ends', () => {
    const after = statuses({ on: '2026-07-02', enrolledOn: '2026-07-01' });
    expect(after).toEqual([
      {
        requirementId: 'self-assessment',
        title: 'Self-assessment completed',
        kind: 'once',
        window: { from: '2026-07-01', to: lastDay },
        status: 'not-applicable',
      },
    ]);
  });
});
