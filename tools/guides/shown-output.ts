// Compares what a guide shows a command printing with what it printed. Only what differs from
// run to run is masked, by name, on both sides; `…` is the guide's own elision. Everything else
// must match exactly.

export interface Mask {
  readonly name: string;
  readonly pattern: RegExp;
}

export const MASKS: ReadonlyArray<Mask> = [
  { name: 'uuid', pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi },
  { name: 'instant', pattern: /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g },
  { name: 'http-date', pattern: /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT\b/g },
  { name: 'sha-256', pattern: /\b[0-9a-f]{64}\b/g },
  // A pseudonym is a keyed hash under a secret each store generates for itself.
  { name: 'pseudonym', pattern: /\b(provider|coach|child)-[0-9a-f]{16}\b/g },
  { name: 'rate', pattern: /\b\d+(?:\.\d+)? events\/s\b/g },
  { name: 'duration', pattern: /\b\d+(?:\.\d+)? ?(?:ms|s)\b|(?<=\bduration_ms )\d+(?:\.\d+)?/g },
  // A folder under /tmp, as the guide's scratch folder is shown.
  { name: 'temp-path', pattern: /(?<![\w./-])\/tmp\/[^\s/'",:;)\]}]+/g },
];

export const mask = (text: string): string =>
  MASKS.reduce((masked, { name, pattern }) => masked.replace(pattern, `<${name}>`), text);

const normalise = (text: string): ReadonlyArray<string> => {
  const lines = text.split('\n').map((line) => line.replace(/\s+$/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  while (lines.length > 0 && lines[0] === '') lines.shift();
  return lines;
};

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The shown output as a pattern: `…` alone on a line for any lines, within a line for any text. */
const shownPattern = (shown: ReadonlyArray<string>): RegExp => {
  let source = '';
  shown.forEach((line, index) => {
    const last = index === shown.length - 1;
    if (line.trim() === '…') source += last ? '[\\s\\S]*' : '(?:[^\\n]*\\n)*?';
    else source += line.split('…').map(escape).join('[^\\n]*?') + (last ? '' : '\\n');
  });
  return new RegExp(`^${source}$`);
};

export interface Comparison {
  readonly matches: boolean;
  /** Both sides masked, as compared. */
  readonly shown: string;
  readonly printed: string;
}

export const compareOutput = (shown: string, printed: string): Comparison => {
  const expected = normalise(mask(shown));
  const actual = normalise(mask(printed)).join('\n');
  return { matches: shownPattern(expected).test(actual), shown: expected.join('\n'), printed: actual };
};

/** A line-by-line account of where the two differ, for a failure message. */
export const describeDifference = ({ shown, printed }: Comparison): string => {
  const a = shown.split('\n');
  const b = printed.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) out.push(`  ${b[i]}`);
    else {
      if (a[i] !== undefined) out.push(`- ${a[i]}`);
      if (b[i] !== undefined) out.push(`+ ${b[i]}`);
    }
  }
  return `shown (-) and printed (+), masked:\n${out.join('\n')}`;
};
