/** One place in the code that cites a numbered rule or a source document of docs/rules.md. */
export interface Citation {
  readonly file: string;
  readonly line: number;
  /** The heading of docs/rules.md the citation points at: `Rule 4`, or ``Source `002` ``. */
  readonly heading: string;
}

const ruleCitation = /\brule (\d+)\b/gi;
const sourceCitation = /`(00\d)`/g;

/** Every citation in one file's text, in the order they appear. */
export const citationsIn = (file: string, text: string): Citation[] =>
  text.split('\n').flatMap((content, index) => {
    const found = [
      ...[...content.matchAll(ruleCitation)].map((match) => ({ at: match.index, heading: `Rule ${match[1]}` })),
      ...[...content.matchAll(sourceCitation)].map((match) => ({ at: match.index, heading: `Source \`${match[1]}\`` })),
    ];
    return found.sort((a, b) => a.at - b.at).map(({ heading }) => ({ file, line: index + 1, heading }));
  });

/** The level-two headings of a Markdown page. */
export const headingsOf = (page: string): ReadonlySet<string> =>
  new Set(
    page
      .split('\n')
      .filter((line) => line.startsWith('## '))
      .map((line) => line.slice(3).trim()),
  );

/** The citations whose heading the page lacks. */
export const missingHeadings = (citations: ReadonlyArray<Citation>, headings: ReadonlySet<string>): Citation[] =>
  citations.filter((citation) => !headings.has(citation.heading));

/** The repository paths a page names in backticks, from the repository's root. */
export const repositoryPathsIn = (page: string): string[] => [
  ...new Set([...page.matchAll(/`((?:packages|apps|tools|docs)\/[^`\s]+)`/g)].map((match) => match[1]!)),
];
