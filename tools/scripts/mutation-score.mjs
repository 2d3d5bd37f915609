// Scores of a mutation run read from StrykerJS's JSON reports (tmp/mutation/<package>.json,
// mutation-testing-report-schema): per rule file and in total, once over every mutant and once
// without the text-only ones, then every survivor that changes more than text.
//
//   node tools/scripts/mutation-score.mjs [domain|projections ...]
//
// A text-only mutant is a StringLiteral mutant inside the message of a refusal or an error: the
// message argument of invalid, notFound, conflict, forbidden and ruleBroken, a `message:` field,
// or the argument of `new ...Error(...)`. Stryker's own exclusions cannot tell a message from a
// code such as 'session-already-logged', which is part of the contract and stays counted, as do
// the names and values a message is built from (every other mutator inside a message).
// Exits 1 when the score without text-only mutants is under MINIMUM.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const MINIMUM = 90;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PROJECTS = ['domain', 'projections'];
const chosen = process.argv.slice(2).filter((a) => PROJECTS.includes(a));
const projects = chosen.length > 0 ? chosen : PROJECTS;

/** The domain's error constructors and the position of their message argument. */
const MESSAGE_ARGUMENT = new Map([
  ['invalid', 1],
  ['notFound', 1],
  ['conflict', 1],
  ['forbidden', 1],
  ['ruleBroken', 1],
]);

const calleeName = (expression) =>
  ts.isIdentifier(expression) ? expression.text : ts.isPropertyAccessExpression(expression) ? expression.name.text : '';

/** The [start, end) offsets of every message in a source file. */
const messageRanges = (fileName, source) => {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const ranges = [];
  const add = (node) => node && ranges.push([node.getStart(file), node.getEnd()]);
  const visit = (node) => {
    if (ts.isCallExpression(node) && MESSAGE_ARGUMENT.has(calleeName(node.expression)))
      add(node.arguments[MESSAGE_ARGUMENT.get(calleeName(node.expression))]);
    if (ts.isNewExpression(node) && calleeName(node.expression).endsWith('Error')) add(node.arguments?.[0]);
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'message')
      add(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return ranges;
};

/** Report locations are 1-based lines and columns. */
const offsetOf = (lineStarts, { line, column }) => lineStarts[line - 1] + column - 1;

const lineStartsOf = (source) => {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') starts.push(i + 1);
  return starts;
};

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

const emptyCounts = () => ({ detected: 0, undetected: 0, textOnly: 0, textOnlyDetected: 0 });
const scoreOf = (detected, undetected) =>
  detected + undetected === 0 ? 100 : Math.floor((10000 * detected) / (detected + undetected)) / 100;

const rows = [];
const survivors = [];
const total = emptyCounts();
for (const project of projects) {
  const reportFile = path.join(root, 'tmp', 'mutation', `${project}.json`);
  if (!fs.existsSync(reportFile)) {
    console.error(`No report at ${path.relative(root, reportFile)}: run npm run test:mutation first.`);
    process.exit(2);
  }
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  for (const [fileName, { source, mutants }] of Object.entries(report.files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const ranges = messageRanges(fileName, source);
    const lineStarts = lineStartsOf(source);
    const counts = emptyCounts();
    for (const mutant of mutants) {
      const detected = DETECTED.has(mutant.status);
      if (!detected && !UNDETECTED.has(mutant.status)) continue;
      const [start, end] = [offsetOf(lineStarts, mutant.location.start), offsetOf(lineStarts, mutant.location.end)];
      const textOnly =
        mutant.mutatorName === 'StringLiteral' && ranges.some(([from, to]) => from <= start && end <= to);
      counts[detected ? 'detected' : 'undetected'] += 1;
      if (textOnly) {
        counts.textOnly += 1;
        if (detected) counts.textOnlyDetected += 1;
      } else if (!detected) {
        survivors.push(
          `${path.relative(root, path.resolve(root, fileName))}:${mutant.location.start.line}:${mutant.location.start.column} ` +
            `${mutant.status} ${mutant.mutatorName}: ${JSON.stringify(mutant.replacement ?? '')}`,
        );
      }
    }
    for (const key of Object.keys(total)) total[key] += counts[key];
    rows.push([path.relative(root, path.resolve(root, fileName)), counts]);
  }
}

const cells = (name, c) => {
  const excluded = [c.detected - c.textOnlyDetected, c.undetected - (c.textOnly - c.textOnlyDetected)];
  return [
    name,
    String(c.detected + c.undetected),
    String(c.undetected),
    scoreOf(c.detected, c.undetected).toFixed(2),
    String(c.textOnly),
    String(excluded[1]),
    scoreOf(...excluded).toFixed(2),
  ];
};
const table = [
  ['file', 'mutants', 'survived', 'score %', 'text-only', 'survived (no text)', 'score % (no text)'],
  ...rows.map(([name, c]) => cells(name, c)),
  cells('all files', total),
];
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
const line = (row) =>
  `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
console.log(line(table[0]));
console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
table.slice(1).forEach((row) => console.log(line(row)));

const withoutText = scoreOf(
  total.detected - total.textOnlyDetected,
  total.undetected - (total.textOnly - total.textOnlyDetected),
);
console.log(
  `\nScore ${scoreOf(total.detected, total.undetected).toFixed(2)}% over every mutant, ` +
    `${withoutText.toFixed(2)}% without the ${total.textOnly} text-only ones (minimum ${MINIMUM}%).`,
);
if (survivors.length > 0)
  console.log(`\nSurvivors that change more than text:\n${survivors.map((s) => `  ${s}`).join('\n')}`);
process.exit(withoutText < MINIMUM ? 1 : 0);
