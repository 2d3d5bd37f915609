import { foldHistory, render, timelineProjection, type TimelineView, type ViewTable } from '@coachline/projections';
import { generateDemoProgram } from '../demo';
import { formatProjectionView, formatView } from './format-view';

const hostile: ViewTable = {
  header: ['providerId', 'note', 'days'],
  rows: [
    ['p-1', '=HYPERLINK("http://evil.example","x")', -3],
    ['p-2', 'plain, with "quotes"', null],
  ],
};

describe('a view as the reader asks for it', () => {
  it('writes CSV cells a spreadsheet would run as text, and numbers as they are', () => {
    expect(formatView({}, hostile, 'csv')).toBe(
      [
        'providerId,note,days',
        `p-1,"'=HYPERLINK(""http://evil.example"",""x"")",-3`,
        'p-2,"plain, with ""quotes""",',
        '',
      ].join('\n'),
    );
  });

  describe('the demo year’s timeline', () => {
    const events = [...generateDemoProgram({ providers: 24, seed: 2025 })];
    const projection = timelineProjection;
    const view = render<TimelineView>(projection, foldHistory(projection, events), {
      asOf: '2025-11-15T23:59:59.999Z',
    });

    it('fits every line of its terminal table within 120 columns', () => {
      const lines = formatProjectionView(projection, view, 'table').trimEnd().split('\n');
      expect(lines.length).toBeGreaterThan(100);
      const widest = Math.max(...lines.map((line) => [...line].length));
      expect(widest).toBeLessThanOrEqual(120);
    });

    it('keeps every column of the view in its CSV', () => {
      // The demo's cells hold no comma, quote or line break: each line is its cells joined.
      const [header, ...rows] = formatProjectionView(projection, view, 'csv').trimEnd().split('\n');
      expect(header).toBe(projection.table(view).header.join(','));
      expect(header).toContain('daysOverdue');
      expect(rows).toHaveLength(projection.table(view).rows.length);
    });
  });
});
