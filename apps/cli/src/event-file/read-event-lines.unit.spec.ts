import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linesAfter, readEventLineBatches, readEventLines, readEventLineSpans, textOfSpan } from './read-event-lines';

const dir = mkdtempSync(join(tmpdir(), 'coachline-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const linesOf = async (content: string | Buffer, maxLineBytes?: number) => {
  const file = join(dir, `f-${Math.round(Math.random() * 1e9)}.jsonl`);
  writeFileSync(file, content);
  const lines = [];
  for await (const line of readEventLines(file, maxLineBytes === undefined ? {} : { maxLineBytes })) lines.push(line);
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

  it('reports bytes that are not UTF-8 instead of replacing them', async () => {
    const lines = await linesOf(
      Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc3, 0x22, 0x7d, 0x0a]), Buffer.from('{"b":2}\n')]),
    );
    expect(lines).toEqual([
      { number: 1, text: '', unreadable: 'the line is not valid UTF-8' },
      { number: 2, text: '{"b":2}' },
    ]);
  });

  it('skips a UTF-8 byte order mark, and refuses a UTF-16 or UTF-32 file in one error', async () => {
    expect(await linesOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}\n')]))).toEqual([
      { number: 1, text: '{"a":1}' },
    ]);
    expect(
      await linesOf(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":1}\n{"b":2}\n', 'utf16le')])),
    ).toEqual([{ number: 1, text: '', unreadable: 'the file is UTF-16 (little-endian); event files are UTF-8' }]);
    expect((await linesOf(Buffer.from([0x00, 0x00, 0xfe, 0xff, 0, 0, 0, 0x7b])))[0]!.unreadable).toBe(
      'the file is UTF-32 (big-endian); event files are UTF-8',
    );
  });

  it('refuses a line longer than the limit without holding it, and reads on after it', async () => {
    const long = 'x'.repeat(3 << 20);
    expect(await linesOf(`{"a":1}\n${long}\n{"b":2}\n${long}`, 1 << 20)).toEqual([
      { number: 1, text: '{"a":1}' },
      {
        number: 2,
        text: '',
        unreadable: `the line is ${3 << 20} bytes long, more than the ${1 << 20} an event may take`,
      },
      { number: 3, text: '{"b":2}' },
      {
        number: 4,
        text: '',
        unreadable: `the line is ${3 << 20} bytes long, more than the ${1 << 20} an event may take`,
      },
    ]);
  });

  it('reports the one line that is not UTF-8 in a file of many chunks, and reads every other line', async () => {
    const good = (i: number) => `{"n":${i},"text":"${'é'.repeat(300)}"}`;
    const parts = Array.from({ length: 6_000 }, (_, i) =>
      i === 4_321 ? Buffer.from([0x7b, 0xff, 0x7d, 0x0a]) : Buffer.from(`${good(i)}\n`),
    );
    const lines = await linesOf(Buffer.concat(parts));
    expect(lines).toHaveLength(6_000);
    expect(lines[4_321]).toEqual({ number: 4_322, text: '', unreadable: 'the line is not valid UTF-8' });
    expect(lines.filter((l) => l.unreadable !== undefined)).toHaveLength(1);
    expect(lines[5_999]).toEqual({ number: 6_000, text: good(5_999) });
  });

  it('gives the same lines a chunk at a time, and the lines after any one of them', async () => {
    const file = join(dir, 'batches.jsonl');
    writeFileSync(file, Array.from({ length: 5_000 }, (_, i) => `{"n":${i},"pad":"${'x'.repeat(500)}"}\n`).join(''));
    const batches = [];
    for await (const batch of readEventLineBatches(file)) batches.push(batch);
    expect(batches.length).toBeGreaterThan(1);
    const lines = [];
    for await (const line of readEventLines(file)) lines.push(line);
    expect(batches.flat()).toEqual(lines);

    const reading = readEventLineBatches(file);
    const first = await reading.next();
    if (first.done) throw new Error('no lines read');
    const rest = [];
    for await (const line of linesAfter(first.value, 9, reading)) rest.push(line);
    expect(rest).toEqual(lines.slice(10));
  });

  it('gives the same lines as spans of bytes, blank ones skipped alike, whatever spaces they hold', async () => {
    const piece = fc.constantFrom(
      '{"a":1}',
      ' ',
      '\t',
      '\u00a0',
      '\u2028',
      '\ufeff',
      '\r',
      '\n',
      '\n',
      'é',
      'x',
      '\u000b',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), fc.boolean(), async (pieces, bad) => {
        const bytes = Buffer.concat([Buffer.from(pieces.join('')), bad ? Buffer.from([0xc3, 0x0a]) : Buffer.alloc(0)]);
        const file = join(dir, `s-${Math.round(Math.random() * 1e9)}.jsonl`);
        writeFileSync(file, bytes);
        const asText = [];
        for await (const batch of readEventLineBatches(file)) asText.push(...batch);
        const asSpans = [];
        for await (const batch of readEventLineSpans(file)) asSpans.push(...batch.map(textOfSpan));
        expect(asSpans).toEqual(asText);
      }),
      { numRuns: 200 },
    );
  });
});
