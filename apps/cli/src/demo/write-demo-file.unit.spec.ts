import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoYear } from './demo-year.fixtures';
import { ProgramRecorder } from './program-recorder';
import { writeDemoFile } from './write-demo-file';

describe('writeDemoFile', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'coachline-demo-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('writes the generated year as JSON Lines, one event per line with its position', async () => {
    const path = join(folder, 'demo.jsonl');
    const progress: number[] = [];
    const summary = await writeDemoFile(path, {
      providers: 24,
      seed: 7,
      onProgress: (written) => progress.push(written),
    });
    const { events, lines } = demoYear(24, 7);
    const text = readFileSync(path, 'utf8');
    expect(text).toBe(`${lines.join('\n')}\n`);
    expect(summary).toEqual({ events: events.length, lastRecordedAt: events[events.length - 1]!.metadata.recordedAt });
    expect(JSON.parse(text.slice(0, text.indexOf('\n'))).position).toBe(1);
    expect(progress[progress.length - 1]).toBe(events.length);
  });

  it('refuses bad options without leaving a file behind', async () => {
    const path = join(folder, 'demo.jsonl');
    await expect(writeDemoFile(path, { providers: 0, seed: 1 })).rejects.toThrow(
      /providers must be a positive integer/,
    );
    expect(existsSync(path)).toBe(false);
  });

  it('removes the partial file when the year fails half way', async () => {
    const path = join(folder, 'demo.jsonl');
    const recordAll = ProgramRecorder.prototype.recordAll;
    let batches = 0;
    const spy = jest.spyOn(ProgramRecorder.prototype, 'recordAll').mockImplementation(function (
      this: ProgramRecorder,
      commands,
    ) {
      if (++batches === 8) throw new Error('the recorder broke in January');
      return recordAll.call(this, commands);
    });
    const written: number[] = [];
    try {
      await expect(
        writeDemoFile(path, { providers: 400, seed: 2, onProgress: (count) => written.push(count) }),
      ).rejects.toThrow('the recorder broke in January');
    } finally {
      spy.mockRestore();
    }
    expect(written.length).toBeGreaterThan(0);
    expect(existsSync(path)).toBe(false);
  });

  it('reports a file that cannot be written in one line', async () => {
    const path = join(folder, 'missing', 'demo.jsonl');
    await expect(writeDemoFile(path, { providers: 2, seed: 1 })).rejects.toThrow(
      new Error(`${path}: cannot write the file: no such folder`),
    );
  });

  it('writes a file readable by its owner only', async () => {
    const path = join(folder, 'demo.jsonl');
    await writeDemoFile(path, { providers: 2, seed: 1 });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(folder)).toEqual(['demo.jsonl']);
  });
});
