import { RecordedEvent } from '@coachline/domain';
import { historyBuilder } from '../testing';
import { at } from '../testing/history';
import { dueList, DueRow } from './due-list';
import { kentDueHistory, kentTimelineOn } from './due.fixtures';

const brief = (row: DueRow) => `${row.providerId} ${row.requirementId} ${row.status} ${row.days ?? '-'}`;

/** Kent's year with three of p-017's children screened in August, the first of them above the cutoff. */
const screened = (followUpOn?: string, erasedOn?: string): RecordedEvent[] => {
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
  if (erasedOn)
    screenings.add('ChildDataErased', { screeningId: 'q-1', childRef: 'child-q-1', on: erasedOn }, at(erasedOn));
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

  describe('asked for by the requirement the guide names', () => {
    const all = ['overdue', 'due', 'upcoming', 'done', 'not-applicable'] as const;
    const idsOf = (requirement: string, events = screened()) =>
      dueList(kentTimelineOn('2025-09-15', events), { statuses: all, requirement }).rows.map(
        (row) => `${row.providerId} ${row.requirementId}`,
      );

    it('finds every screening’s score by `asq-se2-scored`', () =>
      expect(idsOf('asq-se2-scored')).toEqual([
        'p-017 asq-se2-scored-q-1',
        'p-017 asq-se2-scored-q-2',
        'p-017 asq-se2-scored-q-3',
      ]));

    it('finds the follow-up of the screening above the cutoff by `asq-se2-follow-up`', () =>
      expect(idsOf('asq-se2-follow-up')).toEqual(['p-017 asq-se2-follow-up-q-1']));

    it('finds each provider’s questionnaires for the ages served by `asq-se2-distributed`', () =>
      expect(idsOf('asq-se2-distributed').sort()).toEqual([
        'p-017 asq-se2-distributed-preschool',
        'p-020 asq-se2-distributed-preschool',
      ]));

    it('still finds one line by its own id, and nothing by a part of an id', () => {
      expect(idsOf('asq-se2-follow-up-q-1')).toEqual(['p-017 asq-se2-follow-up-q-1']);
      expect(idsOf('asq-se2-follow')).toEqual([]);
      expect(idsOf('asq-se2-follow-up-q')).toEqual([]);
      expect(idsOf('q-1')).toEqual([]);
    });
  });

  describe('a child’s data erased', () => {
    it('drops the overdue follow-up from the list once the family’s data is erased', () => {
      expect(asqRows('2025-09-15', screened(undefined, '2025-09-20')).map(brief)).toEqual([
        'p-017 asq-se2-follow-up-q-1 overdue 5',
      ]);
      expect(asqRows('2025-09-20', screened(undefined, '2025-09-20'))).toEqual([]);
      expect(asqRows('2026-03-01', screened(undefined, '2025-09-20'))).toEqual([]);
    });

    it('shows the follow-up as not applicable from the erasure, and keeps a follow-up already recorded', () => {
      const statusOf = (events: RecordedEvent[]) =>
        asqRows('2025-10-01', events, { statuses: ['done', 'not-applicable'] })
          .filter((row) => row.requirementId === 'asq-se2-follow-up-q-1')
          .map((row) => `${row.status} ${row.metOn ?? '-'}`);
      expect(statusOf(screened(undefined, '2025-09-20'))).toEqual(['not-applicable -']);
      expect(statusOf(screened('2025-08-28', '2025-09-20'))).toEqual(['done 2025-08-28']);
    });
  });
});
