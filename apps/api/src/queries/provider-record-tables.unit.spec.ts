import { debriefsTable, plansTable } from './provider-record-tables';

describe('a provider record as a table', () => {
  it('gives a debrief a row, its strengths and next steps a line each in their cells', () => {
    expect(
      debriefsTable({
        debriefs: [
          {
            observationId: 'o-1',
            heldOn: '2025-08-28',
            strengths: ['Warm greetings.', 'Clear transitions.'],
            nextSteps: ['Post the visual schedule.'],
          },
        ],
      }),
    ).toEqual({
      header: ['observationId', 'heldOn', 'strengths', 'nextSteps'],
      rows: [['o-1', '2025-08-28', 'Warm greetings.\nClear transitions.', 'Post the visual schedule.']],
    });
  });

  it('gives each goal of a plan a row, and a plan without goals one', () => {
    const table = plansTable({
      actionPlans: [
        {
          actionPlanId: 'ap-1',
          setOn: '2025-09-01',
          goals: [
            { goalId: 'g-1', practice: 'schedules', description: 'Visual schedule', achievedOn: '2025-10-01' },
            { goalId: 'g-2', practice: 'feelings', description: 'Feelings chart', achievedOn: null },
          ],
          steps: ['Print it.', 'Hang it.'],
        },
        { actionPlanId: 'ap-2', setOn: '2025-11-01', goals: [], steps: [] },
      ],
    });
    expect(table.rows).toEqual([
      ['ap-1', '2025-09-01', 'g-1', 'schedules', 'Visual schedule', '2025-10-01', 'Print it.\nHang it.'],
      ['ap-1', '2025-09-01', 'g-2', 'feelings', 'Feelings chart', null, 'Print it.\nHang it.'],
      ['ap-2', '2025-11-01', null, null, null, null, ''],
    ]);
    expect(table.rows.every((row) => row.length === table.header.length)).toBe(true);
  });
});
