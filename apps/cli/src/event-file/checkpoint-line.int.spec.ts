import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  MISPLACED_CHECKPOINT,
  readEventLineBatches,
  readEventLines,
  readEventLineSpans,
  textOfSpan,
  type NumberedLine,
} from './read-event-lines';
import { checkpointLineText, decodeCheckpointLine, trailingCheckpointLine } from '../verifiable/carried-checkpoint';

// The checkpoint an export ends with is no event: every reader hands it over apart, and only when
// it is the file's last line; anywhere else it is a line in error.
const dir = mkdtempSync(join(tmpdir(), 'coachline-checkpoint-line-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const fileOf = (content: string): string => {
  const file = join(dir, `f-${files++}.jsonl`);
  writeFileSync(file, content);
  return file;
};

const CHECKPOINT = checkpointLineText({ note: 'log\n3\nroot\n\n— log sig\n', keys: ['log+00000000+key'] }).trimEnd();

type Reader = (file: string, onCheckpoint: (line: NumberedLine) => void) => Promise<NumberedLine[]>;

const READERS: ReadonlyArray<readonly [string, Reader]> = [
  [
    'line by line',
    async (file, onCheckpoint) => {
      const read: NumberedLine[] = [];
      for await (const line of readEventLines(file, { onCheckpoint })) read.push(line);
      return read;
    },
  ],
  [
    'in batches',
    async (file, onCheckpoint) => {
      const read: NumberedLine[] = [];
      for await (const batch of readEventLineBatches(file, { onCheckpoint })) read.push(...batch);
      return read;
    },
  ],
  [
    'as byte spans',
    async (file, onCheckpoint) => {
      const read: NumberedLine[] = [];
      for await (const batch of readEventLineSpans(file, { onCheckpoint })) read.push(...batch.map(textOfSpan));
      return read;
    },
  ],
];

describe.each(READERS)('reading an event file %s', (_how, read) => {
  it('hands over a last checkpoint line apart, with its number, and never among the lines', async () => {
    const given: NumberedLine[] = [];
    const lines = await read(fileOf(`{"a":1}\n{"b":2}\n${CHECKPOINT}\n\n`), (line) => given.push(line));
    expect(lines).toEqual([
      { number: 1, text: '{"a":1}' },
      { number: 2, text: '{"b":2}' },
    ]);
    expect(given).toEqual([{ number: 3, text: CHECKPOINT }]);
  });

  it('reads a last checkpoint line without a newline or with a Windows line end', async () => {
    for (const content of [`{"a":1}\n${CHECKPOINT}`, `{"a":1}\r\n${CHECKPOINT}\r\n`]) {
      const given: string[] = [];
      expect(await read(fileOf(content), (line) => given.push(line.text))).toHaveLength(1);
      expect(given).toEqual([CHECKPOINT]);
    }
  });

  it('finds a checkpoint line cut across two reads of the file', async () => {
    const long = `{"a":"${'x'.repeat((1 << 20) - 20)}"}`;
    const given: string[] = [];
    const lines = await read(fileOf(`${long}\n${CHECKPOINT}\n`), (line) => given.push(line.text));
    expect(lines.map((line) => line.number)).toEqual([1]);
    expect(given).toEqual([CHECKPOINT]);
  });

  it('refuses a checkpoint line followed by any other line, at its own number, in order', () =>
    fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('{"a":1}', '', '{"b":[2]}', '  '), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        async (others, at) => {
          const place = at % others.length;
          // Some non-blank line must follow the checkpoint for it to be misplaced.
          const after = [...others.slice(place), '{"z":0}'];
          const content = [...others.slice(0, place), CHECKPOINT, ...after].join('\n');
          const given: NumberedLine[] = [];
          const lines = await read(fileOf(content), (line) => given.push(line));
          expect(given).toEqual([]);
          const refused = lines.filter((line) => line.unreadable !== undefined);
          expect(refused).toEqual([{ number: place + 1, text: '', unreadable: MISPLACED_CHECKPOINT }]);
          expect(lines.map((line) => line.number)).toEqual([...lines.map((line) => line.number)].sort((a, b) => a - b));
        },
      ),
      { numRuns: 40 },
    ));
});

describe('the checkpoint line', () => {
  it('reads back what an export writes', () => {
    const carried = { note: 'log\n1\nroot\n\n— log sig\n', keys: ['k'] };
    expect(decodeCheckpointLine(checkpointLineText(carried))).toEqual({ _tag: 'Right', right: carried });
  });

  it('names each wrong field in one line', () => {
    expect(decodeCheckpointLine('{"checkpoint":{"note":3,"keys":"k","more":1}}')).toEqual({
      _tag: 'Left',
      left: expect.stringMatching(
        /^the checkpoint line is invalid: checkpoint\.note: .*; checkpoint\.keys: .*; checkpoint\.more: unknown field/u,
      ),
    });
    expect(decodeCheckpointLine('{"checkpoint":')._tag).toBe('Left');
  });

  it('is found at the end of a file, and only there', async () => {
    expect(await trailingCheckpointLine(fileOf(`{"a":1}\n${CHECKPOINT}\n\n`))).toBe(CHECKPOINT);
    expect(await trailingCheckpointLine(fileOf(`${CHECKPOINT}\n{"a":1}\n`))).toBeUndefined();
    expect(await trailingCheckpointLine(fileOf(''))).toBeUndefined();
  });
});
