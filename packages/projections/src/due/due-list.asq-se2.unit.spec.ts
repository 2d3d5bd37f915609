import { RecordedEvent } from '@coachline/domain';
import { historyBuilder } from '../testing';
import { at } from '../testing/history';
import { dueList, DueRow } from './due-list';
import { kentDueHistory, kentTimelineOn } from './due.fixtures';

const brief = (row: DueRow) => `${row.providerId} ${row.requirementId} ${row.status} ${row.days ?? '-'}`;

/** Kent's year with three of p-017's children screened in August, the first of them above the cutoff. */
const screened = (followUpOn?: string): RecordedEvent[] => {
  const screenings = historyBuilder();
  for (const [screeningId, zone, scoredOn] of [
    ['q-1', 'above-cutoff', '2025-08-11'],
    ['q-2', 'monitoring', '2025-08-12'],
    ['q-3', 'below-cutoff', '2025-08-13'],
  ] as const) {
    screenings
      .add(
        'AsqSe2Distributed',
        {
          screeningId,
          providerId: 'p-017',
          childRef: `child-${screeningId}`,
          ageIntervalMonths: 48,
          distributedOn: '2025-08-01',
        },
        at('2025-08-01'),
      )
      .add('AsqSe2Scored', { screeningId, score: 50, zone, scoredOn }, at(scoredOn));
  }
  if (followUpOn)
    screenings.add(
      'AsqSe2FollowUpRecorded',
      { screeningId: 'q-1', action: 'Referred the family for a developmental evaluation.', on: followUpOn },
      at(followUpOn),
    );
  return [...kentDueHistory(), ...screenings.events()];
};

const asqRows = (day: string, events: RecordedEvent[], statuses?: Parameters<typeof dueList>[1]) =>
  dueList(kentTimelineOn(day, events), { providerId: 'p-017', ...statuses }).rows.filter((row) =>
    row.requirementId.startsWith('asq-se2-'),
  );

describe('the due list and ASQ-SE2 follow-ups', () => {
  it('lists the screening above the cutoff as due, for a month from its score, and no other', () =>
    expect(asqRows('2025-08-20', screened()).map(brief)).toEqual(['p-017 asq-se2-follow-up-q-1 due 21']));

  it('lists it overdue once the month has passed without a follow-up', () =>
    expect(asqRows('2025-09-15', screened()).map(brief)).toEqual(['p-017 asq-se2-follow-up-q-1 overdue 5']));

  it('drops it once a follow-up is recorded, and shows it done with the follow-up’s day', () => {
    const events = screened('2025-08-28');
    expect(asqRows('2025-09-15', events)).toEqual([]);
    expect(asqRows('2025-09-15', events, { statuses: ['done'] }).map((row) => [row.requirementId, row.metOn])).toEqual(
      expect.arrayContaining([['asq-se2-follow-up-q-1', '2025-08-28']]),
    );
  });

  it('counts every child’s questionnaire as scored, each on its own row', () =>
    expect(
      asqRows('2025-09-15', screened('2025-08-28'), { statuses: ['done'] })
        .map((row) => row.requirementId)
        .filter((id) => id.startsWith('asq-se2-scored')),
    ).toEqual(['asq-se2-scored-q-1', 'asq-se2-scored-q-2', 'asq-se2-scored-q-3']));

  it('shows no child’s reference or follow-up action, only the screening’s id', () => {
    const shown = JSON.stringify(
      dueList(kentTimelineOn('2025-09-15', screened('2025-08-28')), { statuses: ['done', 'due', 'overdue'] }),
    );
    expect(shown).toContain('asq-se2-follow-up-q-1');
    expect(shown).not.toContain('child-q-');
    expect(shown).not.toContain('developmental evaluation');
  });
});
