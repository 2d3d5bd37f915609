import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { citationsIn, headingsOf, missingHeadings, repositoryPathsIn } from './rule-citations';

const root = join(__dirname, '..', '..');
const rulesPage = readFileSync(join(root, 'docs', 'rules.md'), 'utf8');

/** Built output and installed packages repeat the sources; only what people write is searched. */
const skippedFolders = new Set(['node_modules', 'dist', 'coverage', 'tmp']);
const sourceFile = /\.(ts|tsx|js|mjs|cjs)$/;

const sourcesUnder = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory())
      return skippedFolders.has(entry.name) || entry.name.startsWith('.') ? [] : sourcesUnder(path);
    return sourceFile.test(entry.name) ? [path] : [];
  });

const citingSources = ['packages', 'apps'].flatMap((folder) => sourcesUnder(join(root, folder)));

describe('citations of the program rules and sources', () => {
  it('finds rules and sources in a line of code, whatever their case, and nothing in a longer number', () => {
    expect(
      citationsIn('a.ts', 'refused (rule 4); Rule 12 here; rule 45x no; source `002`, `0042` no, (000) no').map(
        (citation) => citation.heading,
      ),
    ).toEqual(['Rule 4', 'Rule 12', 'Source `002`']);
  });

  it('reads the headings of the page, and only level-two ones', () => {
    expect([...headingsOf('# Title\n## Rule 1\n### Rule 2\n## Source `000`\n')]).toEqual(['Rule 1', 'Source `000`']);
  });

  it('finds citations in the code at all', () => {
    const headings = new Set(
      citingSources.flatMap((path) => citationsIn(path, readFileSync(path, 'utf8'))).map((c) => c.heading),
    );
    expect(headings.has('Rule 1')).toBe(true);
    expect(headings.has('Source `000`')).toBe(true);
  });

  it('has a heading in docs/rules.md for every rule and source the code cites', () => {
    const citations = citingSources.flatMap((path) => citationsIn(relative(root, path), readFileSync(path, 'utf8')));
    const missing = missingHeadings(citations, headingsOf(rulesPage)).map(
      (citation) => `${citation.file}:${citation.line} cites "${citation.heading}"`,
    );
    expect(missing).toEqual([]);
  });

  it('names only files that exist where it says a rule is enforced or tested', () => {
    const absent = repositoryPathsIn(rulesPage).filter((path) => !existsSync(join(root, path)));
    expect(absent).toEqual([]);
  });
});
