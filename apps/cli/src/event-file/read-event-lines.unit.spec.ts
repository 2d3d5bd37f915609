import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEventLines } from './read-event-lines';

const dir = mkdtempSync(join(tmpdir(), 'coachline-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const linesOf = async (content: string | Buffer) => {
  const file = join(dir, `f-${Math.round(Math.random() * 1e9)}.jsonl`);
  writeFileSync(file, content);
  const lines = [];
  for await (const line of readEventLines(file)) lines.push(line);
  return lines;
};

describe('reading an event file line by line', () => {
  it('numbers lines from 1, skipping blank ones but counting them', async () => {
    expect(await linesOf('{"a":1}\n\n{"b":2}\n')).toEqual([
      { number: 1, text: '{"a":1}' },
      { number: 3, text: '{"b":2}' },
    ]);
  });

  it('reads a last line without a newline, and Windows line ends', async () => {
    expect(await linesOf('{"a":1}\r\n{"b":2}')).toEqual([
      { number: 1, text: '{"a":1}' },
      { number: 2, text: '{"b":2}' },
    ]);
  });

  it('keeps multi-byte characters whole across chunk boundaries', async () => {
    const text = `{"name":"${'é😀'.repeat(400_000)}"}`;
    const lines = await linesOf(`${text}\n${text}\n`);
    expect(lines.map((l) => l.text)).toEqual([text, text]);
  });
});
