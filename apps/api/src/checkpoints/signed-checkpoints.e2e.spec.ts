import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkConsistencyProofFile,
  checkInclusionProof,
  decodeConsistencyProofFile,
  decodeInclusionProofFile,
  InMemoryEventStore,
  openLogCheckpoint,
  openSigningKeyFile,
  parseVerifierKeys,
  signLogCheckpoint,
  storedCheckpointOf,
  type CheckpointSigningKey,
  type NoteVerifier,
  type StoredEvent,
  verifyConsistency,
} from '@coachline/eventstore';
import * as E from 'fp-ts/Either';
import { coachFamily, communityFamily, providerFamily, sessionBody } from '../testing/program-script';
import { describeApiOnEachEngine } from '../testing/engines';
import { seed } from '../testing/seed';
import { startTestApi, type TestApi } from '../testing/test-api';
import { type CheckpointSigning, SignedHistory } from './signed-history';

const EVERY_EVENTS = 5;
const EVERY_MINUTES = 30;

interface Checkpoint {
  size: number;
  origin: string;
  root: string;
  signedAt: string;
  note: string;
}

type OpenSigningApi = (checkpointSigning: CheckpointSigning) => Promise<{ api: TestApi; close: () => Promise<void> }>;

const servesSignedHistory = (openApi: OpenSigningApi) => {
  let folder: string;
  let close: () => Promise<void>;
  let key: CheckpointSigningKey;
  let api: TestApi;
  let verifiers: NoteVerifier[];

  const as = async (role: string, id = `${role}-1`) => `Bearer ${await api.token(role as 'admin', id)}`;
  const get = async (path: string, role = 'auditor') =>
    api
      .http()
      .get(path)
      .set('Authorization', await as(role));

  const latest = async (): Promise<Checkpoint | undefined> => {
    const answer = await get('/checkpoints/latest');
    return answer.status === 200 ? (answer.body as Checkpoint) : undefined;
  };
  /** Until the watch (once a second) has signed a checkpoint of `size` events. */
  const signedOf = async (size: number): Promise<Checkpoint> => {
    for (let tries = 0; tries < 100; tries++) {
      const found = await latest();
      if (found !== undefined && found.size >= size) return found;
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error(`No checkpoint of ${size} events was signed`);
  };
  const events = async (): Promise<StoredEvent[]> => {
    const all: StoredEvent[] = [];
    for await (const event of api.store.readAll()) all.push(event);
    return all;
  };

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'coachline-checkpoints-'));
    key = await openSigningKeyFile(join(folder, 'keys', 'checkpoint-signing-key'));
    ({ api, close } = await openApi({ key, everyEvents: EVERY_EVENTS, everyMinutes: EVERY_MINUTES }));
    const parsed = parseVerifierKeys([key.verifierKey]);
    if (E.isLeft(parsed)) throw new Error(parsed.left);
    verifiers = parsed.right;
  });

  afterAll(async () => {
    await close();
    await rm(folder, { recursive: true, force: true });
  });

  it('has no checkpoint before the first event, and says so with 404', async () => {
    const answer = await get('/checkpoints/latest');
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('unknown-checkpoint');
    expect((await get('/checkpoints')).body).toEqual({ checkpoints: [] });
  });

  it('signs whenever the tree grew by the count, publishing the key, each note opening under it', async () => {
    await seed(api, communityFamily);
    const head = await api.store.verifiableLog!.treeHead();
    expect(head.size).toBeGreaterThanOrEqual(EVERY_EVENTS);
    // The watch may have signed while the commands were sent; it stops short of the head by less than the count.
    const newest = await signedOf(head.size - EVERY_EVENTS + 1);
    const all = (await get('/checkpoints')).body.checkpoints as Checkpoint[];
    expect(all.at(-1)).toEqual(newest);
    const sizes = all.map((checkpoint) => checkpoint.size);
    expect(sizes.slice(1).every((size, i) => size - sizes[i]! >= EVERY_EVENTS)).toBe(true);
    expect((await get('/checkpoints/keys')).body).toEqual({ keys: [key.verifierKey] });
    for (const checkpoint of all) {
      const opened = openLogCheckpoint(checkpoint.note, verifiers, key.signer.name);
      if (E.isLeft(opened)) throw new Error(opened.left);
      expect(opened.right.checkpoint.size).toBe(checkpoint.size);
      const root = await api.store.verifiableLog!.rootAt(checkpoint.size);
      expect(E.isRight(root) && Buffer.from(root.right).toString('base64')).toBe(checkpoint.root);
      expect(checkpoint.origin).toBe(key.signer.name);
    }
  });

  it('signs after the minutes when fewer events than the count were added, and not before', async () => {
    const before = await api.app.get(SignedHistory).sign();
    expect(before.size).toBe((await api.store.verifiableLog!.treeHead()).size);
    await seed(api, [{ type: 'RecordFocusGroup', id: 'kent', body: { heldOn: '2025-10-02' } }]);
    // Two turns of the watch: the tree grew by one, fewer than the count, and no minute passed.
    await new Promise((done) => setTimeout(done, 2_200));
    expect((await latest())!.size).toBe(before.size);
    const later = new Date(Date.parse(before.signedAt) + EVERY_MINUTES * 60_000).toISOString();
    api.setNow(later);
    const after = await signedOf(before.size + 1);
    expect(after).toMatchObject({ size: before.size + 1, signedAt: later });
  });

  it('serves a checkpoint by size as JSON, and as the bare note to a reader that asks for text/plain', async () => {
    const signed = (await latest())!;
    const json = await get(`/checkpoints/${signed.size}`, 'coach');
    expect(json.status).toBe(200);
    expect(json.body).toEqual(signed);
    const text = await api
      .http()
      .get(`/checkpoints/${signed.size}`)
      .set('Authorization', await as('provider'))
      .set('Accept', 'text/plain');
    expect(text.status).toBe(200);
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(text.text).toBe(signed.note);
    expect(text.text.split('\n').slice(0, 3)).toEqual([key.signer.name, String(signed.size), signed.root]);
  });

  it('lists the checkpoints by size, after a size and up to a limit', async () => {
    const all = (await get('/checkpoints')).body.checkpoints as Checkpoint[];
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all.map((c) => c.size)).toEqual([...all.map((c) => c.size)].sort((a, b) => a - b));
    expect((await get(`/checkpoints?after=${all[0]!.size}&limit=1`)).body.checkpoints).toEqual([all[1]]);
  });

  it('proves each checkpoint extends the one before, the proof checked offline with the published key', async () => {
    const [older, newer] = (await get('/checkpoints')).body.checkpoints as Checkpoint[];
    const answer = await get(`/checkpoints/consistency?from=${older!.size}&to=${newer!.size}`, 'leadership');
    expect(answer.status).toBe(200);
    const file = decodeConsistencyProofFile(answer.body);
    if (E.isLeft(file)) throw new Error(file.left.message);
    const checked = checkConsistencyProofFile(file.right, verifiers);
    expect(E.isRight(checked) && [checked.right.from.checkpoint.size, checked.right.to.checkpoint.size]).toEqual([
      older!.size,
      newer!.size,
    ]);
  });

  it('refuses a consistency proof between sizes no checkpoint has, or backwards, naming the field', async () => {
    const signed = (await latest())!;
    const unsigned = await get(`/checkpoints/consistency?from=1&to=${signed.size}`);
    expect(unsigned.status).toBe(404);
    expect(unsigned.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.from']);
    const backwards = await get(`/checkpoints/consistency?from=${signed.size}&to=1`);
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.from']);
    const missing = await get('/checkpoints/consistency?from=1');
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.to']);
  });

  it('gives auditors and admins an inclusion proof of any event that checks offline against the published key', async () => {
    const stored = await events();
    for (const role of ['auditor', 'admin']) {
      for (const event of [stored[0]!, stored.at(-1)!]) {
        const answer = await get(`/events/${event.id}/proof`, role);
        expect(answer.status).toBe(200);
        const file = decodeInclusionProofFile(answer.body);
        if (E.isLeft(file)) throw new Error(file.left.message);
        const checked = checkInclusionProof(file.right, verifiers);
        expect(E.isRight(checked) && checked.right.leafIndex).toBe(event.position - 1);
        expect(file.right.event.id).toBe(event.id);
      }
    }
  });

  it('signs a checkpoint first when none covers the event asked for yet', async () => {
    const before = (await latest())!;
    await seed(api, [{ type: 'RecordFocusGroup', id: 'kent', body: { heldOn: '2025-10-03' } }]);
    const newest = (await events()).at(-1)!;
    const answer = await get(`/events/${newest.id}/proof`);
    expect(answer.status).toBe(200);
    expect(answer.body.treeSize).toBe(before.size + 1);
    const checked = checkInclusionProof(answer.body, verifiers);
    expect(E.isRight(checked)).toBe(true);
    expect((await latest())!.size).toBe(before.size + 1);
  });

  const yearToDateOf = (dosage: { providers: Array<{ providerId: string; yearToDateMinutes: number }> }) =>
    dosage.providers.find((provider) => provider.providerId === 'p-1')?.yearToDateMinutes;
  const proofOf = (header: unknown) =>
    String(header)
      .split(',')
      .filter((hash) => hash !== '')
      .map((hash) => Buffer.from(hash, 'base64'));

  it('computes a view through a position from exactly the events up to it, after later ones, with headers the signed checkpoint proves', async () => {
    await seed(api, [...coachFamily, ...providerFamily]);
    const position = await api.store.headPosition();
    const atPosition = await get(`/views/dosage?waitForPosition=${position}`);
    // One more event, then a checkpoint over both: its tree is larger than the position's.
    await seed(api, [{ type: 'RecordFocusGroup', id: 'kent', body: { heldOn: '2025-10-05' } }]);
    await api.app.get(SignedHistory).sign();
    await seed(api, [{ type: 'LogSession', id: 'p-1', body: sessionBody('s-through', '2025-10-21', 30) }]);
    const current = await get(`/views/dosage?waitForPosition=${await api.store.headPosition()}`);
    expect(yearToDateOf(current.body)).toBe(yearToDateOf(atPosition.body)! + 30);

    const read = await get(`/views/dosage?throughPosition=${position}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(atPosition.body);
    expect(yearToDateOf(read.body)).not.toBe(yearToDateOf(current.body));
    expect(read.headers['coachline-position']).toBe(String(position));
    expect(read.headers['coachline-tree-size']).toBe(String(position));
    const root = await api.store.verifiableLog!.rootAt(position);
    expect(E.isRight(root) && Buffer.from(root.right).toString('base64')).toBe(read.headers['coachline-tree-root']);

    // The first checkpoint covering the position: the one signed here over later events, or one the
    // schedule signed at the position itself while the events were seeded (its proof is then empty).
    const covering = Number(read.headers['coachline-checkpoint-size']);
    expect(covering).toBeGreaterThanOrEqual(position);
    expect(covering).toBeLessThanOrEqual((await latest())!.size);
    const checkpoint = (await get(`/checkpoints/${covering}`)).body as Checkpoint;
    const opened = openLogCheckpoint(checkpoint.note, verifiers, key.signer.name);
    if (E.isLeft(opened)) throw new Error(opened.left);
    const proof = proofOf(read.headers['coachline-consistency-proof']);
    const rootAt = Buffer.from(String(read.headers['coachline-tree-root']), 'base64');
    expect(E.isRight(verifyConsistency(position, covering, rootAt, opened.right.checkpoint.root, proof))).toBe(true);
    // Neither a root the history never had nor the current tree's size is proven by it.
    expect(
      E.isRight(verifyConsistency(position, covering, Buffer.alloc(32, 1), opened.right.checkpoint.root, proof)),
    ).toBe(false);
    expect(E.isRight(verifyConsistency(position + 1, covering, rootAt, opened.right.checkpoint.root, proof))).toBe(
      false,
    );
  });

  it('computes the replayed and combined views through a position too, each with its provenance', async () => {
    const position = (await latest())!.size - 1;
    const paths = ['/providers', '/providers/p-1/timeline', '/reports/program?communityId=kent&month=2025-10', '/due'];
    for (const path of [...paths, '/coaches', '/teams', '/implementation-plan', '/coaching-system']) {
      const read = await get(`${path}${path.includes('?') ? '&' : '?'}throughPosition=${position}`, 'admin');
      expect([path, read.status, read.headers['coachline-tree-size']]).toEqual([path, 200, String(position)]);
      expect(read.headers['coachline-checkpoint-size']).toBeDefined();
    }
    const report = (at: string) => get(`/reports/program?communityId=kent&month=2025-10&${at}`, 'admin');
    expect((await report(`throughPosition=${position}`)).body).toEqual(
      (await report(`throughPosition=${position}`)).body,
    );
  });

  it('gives a position no checkpoint covers yet its tree and no checkpoint, signing none for the read', async () => {
    await seed(api, [{ type: 'RecordFocusGroup', id: 'kent', body: { heldOn: '2025-10-06' } }]);
    const head = await api.store.headPosition();
    expect((await latest())!.size).toBeLessThan(head);
    const read = await get(`/views/timeline?throughPosition=${head}`);
    expect(read.status).toBe(200);
    expect(read.headers['coachline-tree-size']).toBe(String(head));
    expect(read.headers['coachline-checkpoint-size']).toBeUndefined();
    expect(read.headers['coachline-consistency-proof']).toBeUndefined();
    expect((await latest())!.size).toBeLessThan(head);
  });

  it('says nothing of the signed history when a read only waits for a position: the view may be past it', async () => {
    const position = (await latest())!.size - 1;
    const waited = await get(`/views/dosage?waitForPosition=${position}`);
    const byHeader = await api
      .http()
      .get('/views/dosage')
      .set('Authorization', await as('auditor'))
      .set('X-Wait-For-Position', String(position));
    for (const read of [waited, byHeader, await get('/views/dosage')]) {
      expect(read.status).toBe(200);
      expect(read.headers['coachline-position']).toBeUndefined();
      expect(read.headers['coachline-tree-root']).toBeUndefined();
    }
  });

  it('lets whoever may read a view ask it through a position, scoped and recorded as any read of it', async () => {
    const position = (await latest())!.size;
    const ids = (read: { body: { providers: Array<{ providerId: string }> } }) =>
      read.body.providers.map((provider) => provider.providerId);
    const whole = await get(`/views/dosage?throughPosition=${position}`, 'admin');
    expect(ids(whole)).toEqual(expect.arrayContaining(['p-1', 'p-2']));
    const coach = await api
      .http()
      .get(`/views/dosage?throughPosition=${position}`)
      .set('Authorization', await as('coach', 'c-1'));
    expect(coach.status).toBe(200);
    expect(new Set(ids(coach))).toEqual(new Set(['p-1']));
    expect(coach.headers['coachline-tree-size']).toBe(String(position));
    const evaluation = await get(`/views/evaluation?throughPosition=${position}`, 'evaluator');
    expect(evaluation.status).toBe(200);
    expect(evaluation.headers['coachline-tree-size']).toBe(String(position));
    const reads = (await get(`/access-log?reader=evaluator-1&view=evaluation`, 'admin')).body.reads as Array<{
      query: Record<string, string>;
    }>;
    expect(reads.at(-1)!.query).toEqual({ throughPosition: String(position) });
    for (const role of ['provider', 'leadership', 'observer']) {
      const refused = await get(`/views/evaluation?throughPosition=${position}`, role);
      expect(refused.status).toBe(403);
      expect(refused.headers['coachline-position']).toBeUndefined();
    }
  });

  it.each([
    ['/views/dosage?throughPosition=999999', 400, 'unknown-position'],
    ['/views/dosage?throughPosition=0', 400, 'invalid'],
    ['/views/dosage?throughPosition=-1', 400, 'invalid'],
    ['/views/dosage?throughPosition=1e3', 400, 'invalid'],
    ['/views/dosage?throughPosition=__proto__', 400, 'invalid'],
    ['/views/dosage?throughPosition=1&asOf=2025-10-01', 400, 'invalid'],
    ['/coaches?throughPosition=999999', 400, 'unknown-position'],
    ['/providers?throughPosition=999999', 400, 'unknown-position'],
  ])('refuses %s with %i, naming query.throughPosition and giving no provenance', async (path, status, code) => {
    const answer = await get(path, 'admin');
    expect([answer.status, answer.body.code]).toEqual([status, code]);
    expect(answer.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.throughPosition']);
    expect(answer.headers['coachline-position']).toBeUndefined();
  });

  it('gives a proof whose checkpoint, event or path was changed, or that another key signed, no standing', async () => {
    const event = (await events())[1]!;
    const proof = (await get(`/events/${event.id}/proof`)).body;
    const signed = storedCheckpointOf({ size: proof.treeSize, note: proof.checkpoint, signedAt: '' });
    const forgedRoot = proof.checkpoint.replace(
      Buffer.from(signed.root).toString('base64'),
      Buffer.alloc(32, 7).toString('base64'),
    );
    const otherKey = await openSigningKeyFile(join(folder, 'other', 'key'), { name: key.signer.name });
    const otherSigned = signLogCheckpoint(signed, [otherKey.signer]);
    const refusals = [
      { ...proof, checkpoint: forgedRoot },
      { ...proof, checkpoint: otherSigned },
      { ...proof, event: { ...proof.event, data: { ...proof.event.data, forged: true } } },
      { ...proof, proof: [...proof.proof].reverse() },
      { ...proof, leafIndex: proof.leafIndex + 1 },
    ];
    for (const forged of refusals) expect(E.isLeft(checkInclusionProof(forged, verifiers))).toBe(true);
    // Whoever trusts only the other key refuses the store's own checkpoint.
    const theirs = parseVerifierKeys([otherKey.verifierKey]);
    if (E.isLeft(theirs)) throw new Error(theirs.left);
    expect(E.isLeft(checkInclusionProof(proof, theirs.right))).toBe(true);
  });

  it('keeps proofs from every role but auditors and admins, and checkpoints from no signed-in role', async () => {
    const event = (await events())[0]!;
    for (const role of ['coach', 'provider', 'leadership', 'supervisor', 'evaluator', 'observer']) {
      const refused = await get(`/events/${event.id}/proof`, role);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('role-not-allowed');
      expect(refused.body).not.toHaveProperty('event');
      for (const path of ['/checkpoints', '/checkpoints/latest', '/checkpoints/keys'])
        expect((await get(path, role)).status).toBe(200);
    }
    expect((await api.http().get('/checkpoints/latest')).status).toBe(401);
    expect((await api.http().get(`/events/${event.id}/proof`)).status).toBe(401);
  });

  it.each([
    ['..', [400, 404]],
    ['%2e%2e', [400, 404]],
    ['x'.repeat(200), [400]],
    ['__proto__', [400]],
    ['constructor', [400]],
    ['%00', [400]],
    ['no-such-event', [404]],
  ])('answers a proof of the hostile id %s with a refusal, never 500', async (id, statuses) => {
    const answer = await get(`/events/${id}/proof`);
    expect(statuses).toContain(answer.status);
    expect(answer.body).not.toHaveProperty('proof');
  });

  it.each([
    ['__proto__', 400],
    ['-1', 400],
    ['1e3', 400],
    ['9'.repeat(20), 400],
    ['%2e%2e', 400],
    ['999999', 404],
  ])('answers the checkpoint of the size %s with %i, naming params.size', async (size, status) => {
    const answer = await get(`/checkpoints/${size}`);
    expect(answer.status).toBe(status);
    expect(answer.body.errors.map((e: { path: string }) => e.path)).toEqual(['params.size']);
  });

  it.each([
    ['/checkpoints?limit=0', 'query.limit'],
    ['/checkpoints?limit=1001', 'query.limit'],
    ['/checkpoints?after=-1', 'query.after'],
    ['/checkpoints?__proto__=1', 'query.__proto__'],
    ['/checkpoints/latest?size=1', 'query.size'],
  ])('refuses %s, naming %s', async (path, field) => {
    const answer = await get(path);
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { path: string }) => e.path)).toContain(field);
  });
};

describe('signed checkpoints and inclusion proofs, served by the API (in memory)', () =>
  servesSignedHistory(async (checkpointSigning) => {
    const api = await startTestApi(new InMemoryEventStore(), { checkpointSigning });
    return { api, close: () => api.close() };
  }));

// The engine's own afterAll closes the API and drops its schema.
describeApiOnEachEngine('signed checkpoints and inclusion proofs, served by the API', (open) =>
  servesSignedHistory(async (checkpointSigning) => ({
    api: await open({ checkpointSigning }),
    close: async () => undefined,
  })),
);
