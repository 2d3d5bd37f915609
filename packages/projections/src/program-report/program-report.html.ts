import type { LeadershipReport, ProgramReport, ReportLag } from './program-report.view';

const ENTITIES = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&#39;'],
]);

/**
 * Text as HTML: the five characters that can end a text node or an attribute value become
 * entities (the escaping `escape-html` and OWASP's rule for element content and quoted attributes
 * do). Every value reaches the page through here, ids and titles included.
 */
export const escapeHtml = (value: string | number | boolean | null): string =>
  String(value ?? '—').replace(/[&<>"']/g, (c) => ENTITIES.get(c)!);

const cell = (value: string | number | boolean | null, tag = 'td') => `<${tag}>${escapeHtml(value)}</${tag}>`;

const table = (
  caption: string,
  header: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>,
) =>
  [
    `<table><caption>${escapeHtml(caption)}</caption>`,
    `<thead><tr>${header.map((h) => cell(h, 'th')).join('')}</tr></thead>`,
    `<tbody>${rows.map((row) => `<tr>${row.map((v) => cell(v)).join('')}</tr>`).join('')}</tbody></table>`,
  ].join('');

const lagText = (lag: ReportLag): string =>
  lag.sessions === 0 ? 'no sessions' : `${lag.medianDays} / ${lag.p90Days} (${lag.sessions} sessions)`;

const STYLE = `
body { font: 11pt/1.4 system-ui, sans-serif; margin: 2em; color: #111; }
h1 { font-size: 16pt; margin: 0 0 .2em; }
p.meta { color: #555; margin: 0 0 1.5em; }
table { border-collapse: collapse; margin: 0 0 1.5em; min-width: 50%; }
caption { text-align: left; font-weight: 600; padding: 0 0 .3em; }
th, td { border: 1px solid #bbb; padding: .25em .6em; text-align: left; }
td { font-variant-numeric: tabular-nums; }
thead th { background: #eee; }
@media print {
  body { margin: 0; font-size: 9pt; }
  table { page-break-inside: avoid; }
  thead { display: table-header-group; }
}`;

/**
 * The report as a page to print: the same figures as `programReportTables`, section by section,
 * with its own small style sheet and no script. The leadership form prints without the coaches.
 */
export const programReportHtml = (report: ProgramReport | LeadershipReport): string => {
  const { dosage, totals } = report;
  const title = `Program report: ${report.communityId}, ${report.month}`;
  const sections = [
    table(
      'Dosage of the month',
      ['providers', 'meeting', 'partly meeting', 'missing'],
      [[dosage.providers, dosage.meeting, dosage.partlyMeeting, dosage.missing]],
    ),
    table(
      'Community',
      [
        'coaches',
        'minutes',
        'under target',
        'overdue items',
        'recording lag, days (median / 90th)',
        'cycles completed',
      ],
      [
        [
          totals.coaches,
          totals.minutes,
          totals.underTarget,
          totals.overdueItems,
          lagText(totals.lag),
          totals.cyclesCompleted,
        ],
      ],
    ),
  ];
  if ('coaches' in report)
    sections.push(
      table(
        'Coaches',
        [
          'coach',
          'providers',
          'minutes',
          'under target',
          'overdue items',
          'recording lag, days (median / 90th)',
          'cycles completed',
          'Reflective Consultation',
        ],
        report.coaches.map((c) => [
          c.coachId,
          c.providers,
          c.minutes,
          c.underTarget,
          c.overdueItems,
          lagText(c.lag),
          c.cyclesCompleted,
          c.reflectiveConsultation,
        ]),
      ),
    );
  sections.push(
    table(
      'Trainings and meetings against the guide',
      ['requirement', 'status', 'held', 'guide asks', 'met on'],
      report.guide.map((g) => [
        g.title,
        g.status,
        g.count,
        g.min === null ? null : g.max === null ? `at least ${g.min}` : `${g.min} to ${g.max}`,
        g.metOn,
      ]),
    ),
    table(
      'Reflective Consultation this month',
      ['coaches', 'attended'],
      [[report.reflectiveConsultation.coaches, report.reflectiveConsultation.attended]],
    ),
  );
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">Measured on ${escapeHtml(report.on)}, as recorded by ${escapeHtml(report.asOf)}.</p>`,
    ...sections,
    '</body></html>',
    '',
  ].join('\n');
};
