import { writeFileSync } from 'node:fs';

/** Writes an event file: events as JSON lines, strings as they are (to plant broken lines). */
export const writeEventFile = (path: string, lines: ReadonlyArray<unknown>): void => {
  writeFileSync(path, `${lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n')}\n`);
};
