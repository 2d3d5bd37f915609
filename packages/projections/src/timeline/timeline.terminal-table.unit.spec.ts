import fc from 'fast-check';
import { RecordedEvent } from '@coachline/domain';
import { viewOf } from '../fold';
import { at, enrollment } from '../testing';
import { kentProgram } from '../testing/fixtures';
import { timelineProjection } from './timeline.projection';
import { timelineTable, timelineTerminalTable } from './timeline.render';
import { TimelineView } from './timeline.view';

const history = (): ReadonlyArray<RecordedEvent> =>
  kentProgram()
    .add('ProviderEnrolled', enrollment('p-017', '2025-07-01'), at('2025-07-01'))
    // The survey's window closes on the first two months' last day: this one is met late.
    .add('DemographicSurveyCompleted', { providerId: 'p-017', completedOn: '2025-09-05' }, at('2025-09-05'))
    .events();

const timeline = (asOf: string): TimelineView => viewOf<TimelineView>(timelineProjection, history(), { asOf });

const rowOf = (view: TimelineView, subjectId: string, requirementId: string) => {
  const table = timelineTerminalTable(view);
  const row = table.rows.find((r) => r[1] === subjectId && r[2] === requirementId);
  if (!row) throw new Error(`no row for ${subjectId} ${requirementId}`);
  return Object.fromEntries(table.header.map((name, i) => [name, row[i]]));
};

describe('the timeline for a terminal', () => {
  it('is the projection’s table for a terminal', () => {
    expect(timelineProjection.terminalTable).toBe(timelineTerminalTable);
  });

  it('gives each status the days it counts', () => {
    expect(rowOf(timeline('2025-08-01T12:00:00.000Z'), 'p-017', 'dosage-2025-09')['status']).toBe('upcoming in 31d');
    expect(rowOf(timeline('2025-08-30T12:00:00.000Z'), 'p-017', 'demographic-survey')['status']).toBe('due, 1d left');
    expect(rowOf(timeline('2025-09-03T12:00:00.000Z'), 'p-017', 'demographic-survey')['status']).toBe('overdue by 3d');
    expect(rowOf(timeline('2025-09-30T12:00:00.000Z'), 'p-017', 'demographic-survey')).toEqual({
      subject: 'provider',
      subjectId: 'p-017',
      requirementId: 'demographic-survey',
      window: '2025-07-01–08-31',
      status: 'done 5d late',
      metOn: '2025-09-05',
    });
  });

  it('writes a window across two years whole', () => {
    const row = timelineTerminalTable(timeline('2025-09-30T12:00:00.000Z')).rows.find((r) => r[0] === 'community');
    expect(row?.[3]).toBe('2025-07-01–2026-06-30');
  });

  it('has the rows of the full table, in its order, each with the status it names', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), (day) => {
        const asOf = new Date(Date.UTC(2025, 5, 25) + day * 86_400_000).toISOString();
        const view = timeline(asOf);
        const full = timelineTable(view);
        const compact = timelineTerminalTable(view);
        const column = (name: string) => full.header.indexOf(name);
        expect(compact.rows.map((r) => [r[0], r[1], r[2]])).toEqual(
          full.rows.map((r) => [r[column('subject')], r[column('subjectId')], r[column('requirementId')]]),
        );
        compact.rows.forEach((row, i) => {
          expect(String(row[4]).split(/[ ,]/)[0]).toBe(full.rows[i]![column('status')]);
          expect(row[5]).toBe(full.rows[i]![column('metOn')]);
        });
      }),
      { numRuns: 40 },
    );
  });
});
