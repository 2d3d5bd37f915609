import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { historyBuilder, at } from '@coachline/projections/testing';
import { writeEventFile } from '../testing/event-lines';
import { cli } from '../testing/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'coachline-child-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => join(dir, name);

const LIVE = { childRef: 'child-live', childName: 'Ottoline Brambleworth', childBirthDate: '2022-11-03' };
const ERASED = { childRef: 'child-gone', childName: 'Zephyrine Quillfeather', childBirthDate: '2023-04-17' };
const ACTION = 'Referred to the Marrowbrook speech clinic';

/** Two children screened, written before sealing existed (child data in the clear); the second child erased. */
const plainHistory = () =>
  historyBuilder()
    .add(
      'AsqSe2Distributed',
      { screeningId: 'scr-1', providerId: 'p-017', ageIntervalMonths: 24, distributedOn: '2025-09-10', ...LIVE },
      at('2025-09-10'),
    )
    .add(
      'AsqSe2Scored',
      { screeningId: 'scr-1', score: 40, zone: 'monitoring', scoredOn: '2025-09-24' },
      at('2025-09-24'),
    )
    .add('AsqSe2FollowUpRecorded', { screeningId: 'scr-1', action: ACTION, on: '2025-09-30' }, at('2025-09-30'))
    .add(
      'AsqSe2Distributed',
      { screeningId: 'scr-2', providerId: 'p-017', ageIntervalMonths: 30, distributedOn: '2025-09-11', ...ERASED },
      at('2025-09-11'),
    )
    .add('ChildDataErased', { screeningId: 'scr-2', childRef: ERASED.childRef, on: '2025-12-20' }, at('2025-12-20'))
    .events();

const lines = (path: string) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { data: Record<string, unknown>; integrity?: unknown });

describe('child data through import and export', () => {
  jest.setTimeout(120_000);
  const first = file('first');
  const second = file('second');

  beforeAll(() => writeEventFile(file('plain.jsonl'), plainHistory()));

  it('imports plain child data sealed, with the file’s erasure applied before anything is written', async () => {
    expect((await cli('import', '--events', file('plain.jsonl'), '--store', first, '--create')).code).toBe(0);
    expect((await cli('export', '--out', file('sealed.jsonl'), '--store', first)).code).toBe(0);
    const sealed = readFileSync(file('sealed.jsonl'), 'utf8');
    for (const secret of [LIVE.childName, LIVE.childBirthDate, ACTION, ERASED.childName, ERASED.childBirthDate])
      expect(sealed).not.toContain(secret);
    const [live, , followUp, gone] = lines(file('sealed.jsonl'));
    expect(live!.data).toMatchObject({
      childName: { sealed: expect.any(Object) },
      childBirthDate: { sealed: expect.any(Object) },
    });
    expect(followUp!.data).toMatchObject({ action: { sealed: expect.any(Object) } });
    expect(gone!.data).toMatchObject({ childName: { erased: true }, childBirthDate: { erased: true } });
  });

  it('exports child data opened to move a program, and the target store seals it with its own keys', async () => {
    expect((await cli('export', '--open-child-data', '--out', file('opened.jsonl'), '--store', first)).code).toBe(0);
    const opened = lines(file('opened.jsonl'));
    expect(opened[0]!.data).toMatchObject({ childName: LIVE.childName, childBirthDate: LIVE.childBirthDate });
    expect(opened[2]!.data).toMatchObject({ action: ACTION });
    expect(opened[3]!.data).toMatchObject({ childName: { erased: true } });
    expect(opened.every((event) => event.integrity === undefined)).toBe(true);

    expect((await cli('import', '--events', file('opened.jsonl'), '--store', second, '--create')).code).toBe(0);
    expect((await cli('export', '--out', file('second-sealed.jsonl'), '--store', second)).code).toBe(0);
    expect(readFileSync(file('second-sealed.jsonl'), 'utf8')).not.toContain(LIVE.childName);
    const reopened = lines(file('second-sealed.jsonl'));
    const keyIdIn = (event: { data: Record<string, unknown> }) =>
      (event.data['childName'] as { sealed: { keyId: string } }).sealed.keyId;
    expect(keyIdIn(reopened[0]!)).not.toBe(keyIdIn(lines(file('sealed.jsonl'))[0]!));

    expect(
      (await cli('export', '--open-child-data', '--out', file('second-opened.jsonl'), '--store', second)).code,
    ).toBe(0);
    expect(lines(file('second-opened.jsonl')).map((event) => event.data)).toEqual(opened.map((event) => event.data));
  });

  it('stores the erased child’s data sent again as erased', async () => {
    const late = historyBuilder()
      .add(
        'AsqSe2Distributed',
        { screeningId: 'scr-3', providerId: 'p-017', ageIntervalMonths: 36, distributedOn: '2026-02-01', ...ERASED },
        at('2026-02-01'),
      )
      .events()
      .map((event) => ({ ...event, id: 'late-1' }));
    writeEventFile(file('late.jsonl'), late);
    expect((await cli('import', '--events', file('late.jsonl'), '--store', second)).code).toBe(0);
    expect(
      (await cli('export', '--stream', 'screening-scr-3', '--out', file('late-out.jsonl'), '--store', second)).code,
    ).toBe(0);
    expect(lines(file('late-out.jsonl'))[0]!.data).toMatchObject({
      childName: { erased: true },
      childBirthDate: { erased: true },
    });
  });
});
