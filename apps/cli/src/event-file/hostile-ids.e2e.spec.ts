import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ID_RULE, RecordedEvent } from '@coachline/domain';
import { at, historyBuilder, prototypeSnapshot } from '@coachline/projections/testing';
import { projections } from '@coachline/projections';
import { writeEventFile } from '../testing/event-lines';
import { example } from '../testing/example-history';
import { cli } from '../testing/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'coachline-hostile-ids-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const untouched = prototypeSnapshot();
afterEach(() => expect(prototypeSnapshot()).toEqual(untouched));

/** An agreement called __proto__, drafted and signed: the history that once crashed the cycles fold. */
const protoAgreement = (): RecordedEvent[] =>
  historyBuilder()
    .add(
      'AgreementDrafted',
      {
        agreementId: '__proto__',
        providerId: 'p-1',
        coachId: 'c-1',
        practices: ['transitions'],
        visitMode: 'virtual',
        estimatedCycles: 2,
        cadence: 'every-two-weeks',
      },
      at('2025-10-21'),
    )
    .add(
      'AgreementSigned',
      { agreementId: '__proto__', party: 'coach', signedBy: 'c-1', signedOn: '2025-10-21' },
      at('2025-10-22'),
    )
    .events();

const refusal = (file: string, line: number, path: string, id: string) =>
  `${file}:${line}: ${path}: expected ${ID_RULE}, got ${JSON.stringify(id)}`;

describe('an event file whose ids are names Object.prototype carries', () => {
  it('gives no cycles view: each bad line is named, once, and replay exits 1', async () => {
    const file = join(dir, 'proto-agreement.jsonl');
    writeEventFile(file, [...example(), ...protoAgreement()]);
    const run = await cli('replay', '--events', file, '--view', 'cycles');
    expect([run.code, run.stdout]).toEqual([1, '']);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      refusal(file, 10, 'data.agreementId', '__proto__'),
      refusal(file, 11, 'data.agreementId', '__proto__'),
      '2 error(s); no view was computed',
    ]);
  });

  it.each(projections.map((p) => p.name))('gives no %s view either, and verify names the same lines', async (view) => {
    const file = join(dir, `hostile-${view}.jsonl`);
    const scores = JSON.parse('{"__proto__": 3, "redFlags": 1}') as Record<string, number>;
    const hostile = historyBuilder()
      .add(
        'ProviderEnrolled',
        { ...(example()[3]!.data as object), providerId: 'constructor', coachId: 'toString' } as never,
        at('2025-09-02'),
      )
      .add(
        'ObservationScheduled',
        {
          providerId: 'p-017',
          observationId: 'o-1',
          instrument: 'TPOT',
          scheduledFor: '2025-09-20',
          observerId: 'obs-2',
        },
        at('2025-09-06'),
      )
      .add(
        'ObservationCompleted',
        { providerId: 'p-017', observationId: 'o-1', observedOn: '2025-09-20', scores },
        at('2025-09-21'),
      )
      .events();
    writeEventFile(file, [...example(), ...hostile.map((event, i) => ({ ...event, id: `h-${i}`, position: 10 + i }))]);
    const expected = [
      refusal(file, 10, 'data.providerId', 'constructor'),
      refusal(file, 10, 'data.coachId', 'toString'),
      refusal(file, 12, 'data.scores.__proto__', '__proto__'),
    ];
    const replay = await cli('replay', '--events', file, '--view', view);
    expect([replay.code, replay.stdout]).toEqual([1, '']);
    expect(replay.stderr.trimEnd().split('\n')).toEqual([...expected, '3 error(s); no view was computed']);
    const verify = await cli('verify', '--events', file);
    expect(verify.code).toBe(1);
    for (const line of expected) expect(verify.stderr + verify.stdout).toContain(line);
  });
});
