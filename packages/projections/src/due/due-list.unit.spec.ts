import * as E from 'fp-ts/Either';
import { eventIdOf } from '../testing/fixtures';
import { DueList, dueList, DueRow } from './due-list';
import { DueStatusesParam, dueStatusesOf, DueWithinParam } from './due-params';
import { DUE_TABLE_HEADER, dueTable, dueTerminalTable } from './due-table';
import { kentDueHistory, kentTimelineOn } from './due.fixtures';

const brief = (row: DueRow) => `${row.providerId} ${row.requirementId} ${row.status} ${row.days ?? '-'}`;

describe('the due list', () => {
  it('on 15 September: what is overdue, longest first, then what is due, fewest days left first', () => {
    const list = dueList(kentTimelineOn('2025-09-15'));
    expect(list.on).toBe('2025-09-15');
    expect(list.asOf).toBe('2025-09-15T23:59:59.999Z');
    expect(list.rows.map(brief)).toEqual([
      'p-017 dosage-2025-07 overdue 46',
      'p-017 asq-se2-distributed-preschool overdue 15',
      'p-017 benchmarks-of-quality overdue 15',
      'p-017 dosage-2025-08 overdue 15',
      'p-017 joint-action-plan overdue 15',
      'p-017 observation-debriefed overdue 15',
      'p-017 observation-scheduled overdue 15',
      'p-017 dosage-2025-09 due 15',
      'p-020 dosage-2025-09 due 15',
      'p-020 asq-se2-distributed-preschool due 47',
      'p-020 benchmarks-of-quality due 47',
      'p-020 demographic-survey due 47',
      'p-020 joint-action-plan due 47',
    ]);
  });

  it('carries whose each row is, its window, and for dosage the minutes against the target', () => {
    const [row] = dueList(kentTimelineOn('2025-09-15'), { providerId: 'p-017', requirement: 'dosage' }).rows.filter(
      (r) => r.requirementId === 'dosage-2025-09',
    );
    expect(row).toEqual({
      providerId: 'p-017',
      coachId: 'c-03',
      communityId: 'kent',
      requirementId: 'dosage-2025-09',
      title: expect.any(String),
      month: '2025-09',
      windowFrom: '2025-09-01',
      windowTo: '2025-09-30',
      status: 'due',
      days: 15,
      late: false,
      metOn: null,
      metByEventId: null,
      minutes: 90,
      targetMinutes: expect.any(Number),
    });
    expect(row!.targetMinutes).toBeGreaterThan(90);
  });

  it('a requirement met late is done with the days it was late and the event that met it', () => {
    const events = kentDueHistory();
    const [consent] = dueList(kentTimelineOn('2025-09-15', events), {
      statuses: ['done'],
      requirement: 'evaluation-consent',
    }).rows;
    expect(consent).toMatchObject({
      providerId: 'p-017',
      status: 'done',
      late: true,
      days: 5,
      metOn: '2025-09-05',
      metByEventId: eventIdOf(events, 'ConsentUploaded'),
    });
    const [survey] = dueList(kentTimelineOn('2025-09-15', events), {
      statuses: ['done'],
      requirement: 'demographic-survey',
    }).rows;
    expect(survey).toMatchObject({ providerId: 'p-017', late: false, days: null, metOn: '2025-07-15' });
  });

  it('on 1 October the September dosage of p-020 has turned overdue, and October is due on its first day', () => {
    const rows = dueList(kentTimelineOn('2025-10-01'), { coachId: 'c-04' }).rows.map(brief);
    expect(rows).toEqual([
      'p-020 dosage-2025-09 overdue 1',
      'p-020 dosage-2025-10 due 30',
      'p-020 asq-se2-distributed-preschool due 31',
      'p-020 benchmarks-of-quality due 31',
      'p-020 demographic-survey due 31',
      'p-020 joint-action-plan due 31',
    ]);
  });

  it('a month reached is done: p-017 met October’s dosage on the 3rd', () => {
    const rows = dueList(kentTimelineOn('2025-10-05'), {
      providerId: 'p-017',
      requirement: 'dosage',
      statuses: ['done', 'due'],
    }).rows;
    expect(rows.map(brief)).toEqual(['p-017 dosage-2025-10 done -']);
    expect(rows[0]).toMatchObject({ metOn: '2025-10-03', minutes: 150, targetMinutes: 150 });
  });

  it('within N days: overdue rows, due rows closing within N days, upcoming rows opening within N days', () => {
    const list = dueList(kentTimelineOn('2025-09-15'), {
      statuses: ['overdue', 'due', 'upcoming', 'done', 'not-applicable'],
      withinDays: 16,
    });
    expect(new Set(list.rows.map((r) => r.status))).toEqual(new Set(['overdue', 'due', 'upcoming']));
    expect(list.rows.filter((r) => r.status !== 'overdue').map(brief)).toEqual([
      'p-017 dosage-2025-09 due 15',
      'p-020 dosage-2025-09 due 15',
      'p-017 dosage-2025-10 upcoming 16',
      'p-020 dosage-2025-10 upcoming 16',
    ]);
    const tighter = dueList(kentTimelineOn('2025-09-15'), { statuses: ['due', 'upcoming'], withinDays: 14 });
    expect(tighter.rows).toEqual([]);
  });

  it('names a requirement by its id without the month, never by a prefix of another id', () => {
    const view = kentTimelineOn('2025-09-15');
    const all = ['overdue', 'due', 'upcoming', 'done', 'not-applicable'] as const;
    expect(dueList(view, { statuses: all, requirement: 'asq-se2' }).rows).toEqual([]);
    expect(
      new Set(dueList(view, { statuses: all, requirement: 'dosage-2025-09' }).rows.map((r) => r.requirementId)),
    ).toEqual(new Set(['dosage-2025-09']));
    expect(dueList(view, { statuses: all, requirement: 'dosage-2025' }).rows).toEqual([]);
  });

  it('a program not yet begun has nothing due; an unknown provider lists nothing', () => {
    expect(dueList(kentTimelineOn('2025-06-25')).rows).toEqual([]);
    expect(dueList(kentTimelineOn('2025-09-15'), { providerId: 'p-404' }).rows).toEqual([]);
  });

  it('its codec accepts the list it gives', () => {
    const list = dueList(kentTimelineOn('2025-09-15'), { statuses: ['done', 'overdue', 'not-applicable'] });
    expect(E.isRight(DueList.decode(list))).toBe(true);
  });
});

describe('the due table', () => {
  it('has one line per row, its cells in the header’s order', () => {
    const list = dueList(kentTimelineOn('2025-10-01'), { coachId: 'c-04', requirement: 'dosage' });
    const table = dueTable(list);
    expect(table.header).toEqual(DUE_TABLE_HEADER);
    expect(table.rows).toEqual([
      [
        'p-020',
        'c-04',
        'kent',
        'dosage-2025-09',
        list.rows[0]!.title,
        '2025-09',
        '2025-09-02',
        '2025-09-30',
        'overdue',
        1,
        false,
        null,
        null,
        0,
        list.rows[0]!.targetMinutes,
      ],
      [
        'p-020',
        'c-04',
        'kent',
        'dosage-2025-10',
        list.rows[1]!.title,
        '2025-10',
        '2025-10-01',
        '2025-10-31',
        'due',
        30,
        false,
        null,
        null,
        0,
        list.rows[1]!.targetMinutes,
      ],
    ]);
  });
});

describe('the due list for a terminal', () => {
  it('says each status with the days it counts, the window shortened and dosage as minutes of the target', () => {
    const list = dueList(kentTimelineOn('2025-09-15'), {
      providerId: 'p-017',
      statuses: ['overdue', 'due', 'upcoming', 'done'],
      requirement: 'dosage',
      withinDays: 16,
    });
    const consent = dueList(kentTimelineOn('2025-09-15'), { statuses: ['done'], requirement: 'evaluation-consent' });
    const table = dueTerminalTable({ ...list, rows: [...list.rows, ...consent.rows] });
    expect(table.header).toEqual(['providerId', 'coachId', 'requirementId', 'window', 'status', 'metOn', 'minutes']);
    expect(table.rows).toEqual([
      ['p-017', 'c-03', 'dosage-2025-07', '2025-07-01–07-31', 'overdue by 46d', null, '0/150'],
      ['p-017', 'c-03', 'dosage-2025-08', '2025-08-01–08-31', 'overdue by 15d', null, '0/150'],
      ['p-017', 'c-03', 'dosage-2025-09', '2025-09-01–09-30', 'due, 15d left', null, '90/150'],
      ['p-017', 'c-03', 'dosage-2025-10', '2025-10-01–10-31', 'upcoming in 16d', null, '0/150'],
      ['p-017', 'c-03', 'evaluation-consent', '2025-07-01–08-31', 'done 5d late', '2025-09-05', null],
    ]);
  });
});

describe('the due list’s parameters', () => {
  it('statuses: each one checked, the wrong ones named', () => {
    expect(DueStatusesParam.is('overdue,due')).toBe(true);
    expect(dueStatusesOf('due,overdue,due')).toEqual(['due', 'overdue']);
    const refused = DueStatusesParam.decode('due,late,<b>');
    expect(E.isLeft(refused) && refused.left[0]!.message).toBe(
      'expected statuses separated by commas, each one of upcoming, due, overdue, done, not-applicable; not a status: "late", "<b>"',
    );
    for (const wrong of ['', 'due,', ',due', 'Due', 'due overdue', ['due']])
      expect(DueStatusesParam.is(wrong)).toBe(false);
  });

  it('within: a whole number of days', () => {
    expect(DueWithinParam.is('0')).toBe(true);
    expect(DueWithinParam.is('14')).toBe(true);
    for (const wrong of ['-1', '1.5', '1e3', '', ' 7', '123456', '0x10']) expect(DueWithinParam.is(wrong)).toBe(false);
  });
});
