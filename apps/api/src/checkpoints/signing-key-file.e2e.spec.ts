import { ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkInclusionProof,
  decodeInclusionProofFile,
  openSigningKeyFile,
  parseVerifierKeys,
} from '@coachline/eventstore';
import * as E from 'fp-ts/Either';
import {
  ADMIN_TOKEN_MAIN,
  API_MAIN,
  apiBuilt,
  apiEnvironment,
  freePort,
  repositoryRoot,
  runNode,
  waitFor,
} from '../testing/api-process';

const mode = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

/** The private key in a key file's text (`PRIVATE+KEY+<name>+<id>+<key>`, the key's base64 may hold '+'). */
const secretIn = (keyFileText: string): string => {
  const secret = keyFileText.trim().split('+').slice(4).join('+');
  expect(secret).toMatch(/^[A-Za-z0-9+/]{40,}={0,2}$/u);
  return secret;
};

/**
 * The API as `npm start` runs it, from a shell whose umask (022) would leave new files readable by
 * everyone: the signing key is made beside the data folder, private, and a key file that is misplaced,
 * exposed, malformed or of another log stops the start with one line.
 */
describe('the checkpoint signing key file of the API as started', () => {
  let parent: string;
  let dataDir: string;
  let keyFile: string;
  let port: number;
  let umask: number;

  const environment = (extra: NodeJS.ProcessEnv = {}) =>
    apiEnvironment(dataDir, port, { COACHLINE_CHECKPOINT_EVERY_EVENTS: '1', ...extra });

  /** Starts the API and waits for its banner; the caller stops it. */
  const start = async (): Promise<{ api: ChildProcess; banner: () => string }> => {
    let banner = '';
    const api = spawn(process.execPath, API_MAIN, { cwd: repositoryRoot, env: environment(), stdio: 'pipe' });
    api.stderr!.on('data', (chunk) => (banner += chunk));
    await waitFor(
      async () => banner.includes('listening on') && (await fetch(`http://127.0.0.1:${port}/health`)).ok,
      120_000,
    );
    return { api, banner: () => banner };
  };
  const stop = async (api: ChildProcess): Promise<void> => {
    const closed = new Promise((done) => api.on('close', done));
    api.kill('SIGTERM');
    await closed;
  };
  /** A start that must fail: its exit code and the lines it wrote. */
  const refusedStart = async (extra: NodeJS.ProcessEnv) => {
    const finished = await runNode(API_MAIN, environment(extra));
    return { code: finished.code, lines: finished.stderr.split('\n').filter((line) => line.trim() !== '') };
  };

  beforeAll(async () => {
    umask = process.umask(0o022);
    await apiBuilt();
    parent = await mkdtemp(join(tmpdir(), 'coachline-signing-'));
    dataDir = join(parent, 'data');
    keyFile = join(parent, 'data-keys', 'checkpoint-signing-key');
    port = await freePort();
  });
  afterAll(async () => {
    process.umask(umask);
    await rm(parent, { recursive: true, force: true });
  });

  it('makes the key 0600 in the 0700 keys folder beside the data folder, publishes it and signs with it', async () => {
    const minted = await runNode([...ADMIN_TOKEN_MAIN, '--id', 'admin-1'], environment());
    expect(minted.code).toBe(0);
    const headers = { authorization: `Bearer ${minted.stdout.trim()}`, 'content-type': 'application/json' };
    const { api, banner } = await start();
    try {
      expect(await mode(keyFile)).toBe(0o600);
      expect(await mode(join(parent, 'data-keys'))).toBe(0o700);
      expect(await readFile(keyFile, 'utf8')).toMatch(/^PRIVATE\+KEY\+coachline\/[0-9a-f]{16}\+[0-9a-f]{8}\+/u);
      const key = await openSigningKeyFile(keyFile);
      expect(banner()).toContain(`Checkpoints are signed with the key in ${keyFile}`);
      expect(banner()).toContain(`Their verifier key: ${key.verifierKey}`);
      expect(banner()).not.toContain(secretIn(await readFile(keyFile, 'utf8')));

      const base = `http://127.0.0.1:${port}`;
      const registered = await fetch(`${base}/communities/kent/registration`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: 'Kent County', kind: 'county' }),
      });
      expect(registered.status).toBe(201);
      const keys = (await (await fetch(`${base}/checkpoints/keys`, { headers })).json()) as { keys: string[] };
      expect(keys.keys).toEqual([key.verifierKey]);
      const history = (await (await fetch(`${base}/streams/community-kent`, { headers })).json()) as {
        events: Array<{ id: string }>;
      };
      const proof = decodeInclusionProofFile(
        await (await fetch(`${base}/events/${history.events[0]!.id}/proof`, { headers })).json(),
      );
      if (E.isLeft(proof)) throw new Error(proof.left.message);
      const verifiers = parseVerifierKeys(keys.keys);
      if (E.isLeft(verifiers)) throw new Error(verifiers.left);
      expect(E.isRight(checkInclusionProof(proof.right, verifiers.right))).toBe(true);
    } finally {
      await stop(api);
    }
  }, 300_000);

  it('refuses a signing key file inside the data folder, in one line', async () => {
    const inside = join(dataDir, 'signing-key');
    const refused = await refusedStart({ COACHLINE_SIGNING_KEY_FILE: inside });
    expect(refused.code).not.toBe(0);
    expect(refused.lines).toEqual([
      `COACHLINE_SIGNING_KEY_FILE must be outside the data folder ${dataDir}, so that a copy of the database cannot sign for it; got "${inside}".`,
    ]);
  }, 120_000);

  it('refuses the key of another log: the store’s checkpoints are of its own', async () => {
    const other = join(parent, 'other-keys', 'checkpoint-signing-key');
    await openSigningKeyFile(other, { name: 'example.org/another-log' });
    const refused = await refusedStart({ COACHLINE_SIGNING_KEY_FILE: other });
    expect(refused.code).not.toBe(0);
    expect(refused.lines).toHaveLength(1);
    expect(refused.lines[0]).toMatch(
      new RegExp(
        `^COACHLINE_SIGNING_KEY_FILE: ${other} is the key of log "example.org/another-log", but this store's checkpoints are of log "coachline/[0-9a-f]{16}"\\.$`,
        'u',
      ),
    );
  }, 120_000);

  it('refuses a key file others can read, or one that is not a key, in one line that never quotes it', async () => {
    const original = await readFile(keyFile, 'utf8');
    await chmod(keyFile, 0o644);
    const exposed = await refusedStart({});
    expect(exposed.code).not.toBe(0);
    expect(exposed.lines).toEqual([
      `COACHLINE_SIGNING_KEY_FILE: ${keyFile} is open to other users (mode 644): make it 600 (chmod 600 ${keyFile}).`,
    ]);
    await chmod(keyFile, 0o600);
    await writeFile(keyFile, original.replace('PRIVATE+KEY+', 'PRIVATE+KEY+x'));
    const malformed = await refusedStart({});
    expect(malformed.code).not.toBe(0);
    expect(malformed.lines).toHaveLength(1);
    expect(malformed.lines[0]).toContain(`COACHLINE_SIGNING_KEY_FILE: ${keyFile} is not a checkpoint signing key: `);
    expect(malformed.lines[0]).not.toContain(secretIn(original));
    await writeFile(keyFile, original);
  }, 120_000);

  it.each([
    ['COACHLINE_CHECKPOINT_EVERY_EVENTS', '0'],
    ['COACHLINE_CHECKPOINT_EVERY_MINUTES', 'hourly'],
  ])(
    'refuses %s=%s in one line naming the variable',
    async (variable, value) => {
      const refused = await refusedStart({ [variable]: value });
      expect(refused.code).not.toBe(0);
      expect(refused.lines).toHaveLength(1);
      expect(refused.lines[0]).toMatch(
        new RegExp(`^${variable} must be an integer from 1 to \\d+, got "${value}"\\.$`),
      );
    },
    120_000,
  );
});
