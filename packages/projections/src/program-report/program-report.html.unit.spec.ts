import { leadershipReport } from './leadership-report';
import { kentSeptember, reportOf } from './program-report.fixtures';
import { escapeHtml, programReportHtml } from './program-report.html';

const september = () => reportOf(kentSeptember().events(), 'kent', '2025-09', '2026-01-01T00:00:00.000Z');

describe('the printable program report', () => {
  it('is one page with its own print style and no script', () => {
    const page = programReportHtml(september());
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('@media print');
    expect(page).not.toMatch(/<script|javascript:|\son\w+=/i);
    expect(page).toContain('<td>c-03</td><td>2</td><td>210</td>');
    expect(page).toContain(
      '<td>Provider Collaboration Meetings held (6 to 12)</td><td>due</td><td>1</td><td>6 to 12</td>',
    );
  });

  it('escapes every text it prints', () => {
    const hostile = '<img src=x onerror="alert(1)">&\'';
    const report = { ...september(), communityId: hostile };
    report.coaches = report.coaches.map((c) => ({ ...c, coachId: `${c.coachId}</td><script>` }));
    const page = programReportHtml(report);
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;');
    expect(escapeHtml(null)).toBe('—');
  });

  it('prints no coach in the leadership form', () => {
    const page = programReportHtml(leadershipReport(september()));
    expect(page).not.toContain('c-03');
    expect(page).not.toContain('<caption>Coaches</caption>');
    expect(page).toContain('<caption>Community</caption>');
  });
});
