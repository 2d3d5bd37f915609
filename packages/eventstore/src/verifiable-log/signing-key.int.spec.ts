import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import * as fc from 'fast-check';
import { signNote } from '../integrity/merkle/signed-note';
import { openNote, parseVerifierKey } from '../integrity/merkle/signed-note';
import {
  newSigningKeyText,
  openSigningKeyFile,
  parseSigningKeyText,
  SigningKeyError,
  signingKeyFileBeside,
  signingKeyText,
} from './signing-key';

// The example key and note of Go's golang.org/x/mod/sumdb/note documentation.
const GO_SIGNER_KEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_VERIFIER_KEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_SIGNATURE =
  '\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';

const mode = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

describe('the checkpoint signing key file', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'coachline-signing-key-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('reads the key Go’s note package documents, and signs byte for byte as Go does', () => {
    const key = parseSigningKeyText('go.key', `${GO_SIGNER_KEY}\n`);
    expect(key.verifierKey).toBe(GO_VERIFIER_KEY);
    expect(key.signer.name).toBe('PeterNeumann');
    expect(signNote(GO_TEXT, [key.signer])).toBe(`${GO_TEXT}\n${GO_SIGNATURE}`);
    expect(signingKeyText(key)).toBe(`${GO_SIGNER_KEY}\n`);
  });

  it('creates a key when there is none: 0600 in a 0700 folder, named coachline/<16 hex>, in Go’s format', async () => {
    const path = join(folder, 'keys', 'checkpoint-signing-key');
    const key = await openSigningKeyFile(path);
    expect(await mode(join(folder, 'keys'))).toBe(0o700);
    expect(await mode(path)).toBe(0o600);
    expect(key.signer.name).toMatch(/^coachline\/[0-9a-f]{16}$/u);
    const text = await readFile(path, 'utf8');
    expect(text).toMatch(/^PRIVATE\+KEY\+coachline\/[0-9a-f]{16}\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}\n$/u);
    expect(E.isRight(parseVerifierKey(key.verifierKey))).toBe(true);
    expect(await readdir(join(folder, 'keys'))).toEqual(['checkpoint-signing-key']);
  });

  it('gives a new key the name it is asked for, and reads an existing key as it is', async () => {
    const path = join(folder, 'keys', 'signer');
    const made = await openSigningKeyFile(path, { name: 'example.org/log' });
    expect(made.signer.name).toBe('example.org/log');
    const again = await openSigningKeyFile(path, { name: 'another/name' });
    expect(again.verifierKey).toBe(made.verifierKey);
  });

  it('gives every process racing to create the key the same one', async () => {
    const path = join(folder, 'keys', 'signer');
    const keys = await Promise.all(Array.from({ length: 8 }, () => openSigningKeyFile(path)));
    expect(new Set(keys.map((key) => key.verifierKey)).size).toBe(1);
    expect(await readdir(join(folder, 'keys'))).toEqual(['signer']);
  });

  it('lies by default in the folder of the child key file', () => {
    expect(signingKeyFileBeside('/srv/coachline-keys/key-encryption-key.json')).toBe(
      '/srv/coachline-keys/checkpoint-signing-key',
    );
  });

  it('refuses a key file other users can read, in one line that says how to fix it', async () => {
    const path = join(folder, 'keys', 'signer');
    await openSigningKeyFile(path);
    await chmod(path, 0o644);
    await expect(openSigningKeyFile(path)).rejects.toThrow(
      new SigningKeyError(`${path} is open to other users (mode 644): make it 600 (chmod 600 ${path}).`),
    );
  });

  it('refuses a folder other users can read', async () => {
    const keys = join(folder, 'keys');
    await mkdir(keys, { mode: 0o700 });
    await chmod(keys, 0o755);
    await expect(openSigningKeyFile(join(keys, 'signer'))).rejects.toThrow(
      new SigningKeyError(`${keys} is open to other users (mode 755): make it 700 (chmod 700 ${keys}).`),
    );
    expect(await readdir(keys)).toEqual([]);
  });

  it('refuses a folder in the place of the file', async () => {
    const keys = join(folder, 'keys');
    await mkdir(join(keys, 'signer'), { recursive: true, mode: 0o700 });
    await chmod(keys, 0o700);
    await expect(openSigningKeyFile(join(keys, 'signer'))).rejects.toThrow(`${join(keys, 'signer')} is not a file.`);
  });

  const refusals: ReadonlyArray<readonly [string, string, string]> = [
    ['empty', '', 'it does not start with PRIVATE+KEY+'],
    ['a verifier key', `${GO_VERIFIER_KEY}\n`, 'it does not start with PRIVATE+KEY+'],
    ['a PEM key', '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI\n-----END PRIVATE KEY-----\n', 'PRIVATE+KEY+'],
    ['missing its key', 'PRIVATE+KEY+PeterNeumann+c74f20a3\n', 'it is not PRIVATE+KEY+<name>+<key id>+<key>'],
    ['a name with a space', GO_SIGNER_KEY.replace('PeterNeumann', 'Peter Neumann'), 'its name is empty'],
    ['an upper-case key id', GO_SIGNER_KEY.replace('c74f20a3', 'C74F20A3'), 'its key id is not 8 lower-case hex'],
    ['a key id of another key', GO_SIGNER_KEY.replace('c74f20a3', 'c74f20a4'), 'its key id does not match'],
    ['a name the key id is not of', GO_SIGNER_KEY.replace('PeterNeumann', 'PeterNeuman'), 'its key id does not match'],
    ['a short key', GO_SIGNER_KEY.slice(0, -4), 'its key is not an Ed25519 key'],
    ['another algorithm', GO_SIGNER_KEY.replace('+AYEK', '+AoEK'), 'its key is not an Ed25519 key'],
    ['two lines', `${GO_SIGNER_KEY}\n${GO_SIGNER_KEY}\n`, 'its key is not an Ed25519 key'],
  ];

  it.each(refusals)('refuses a key file that is %s, naming the file and never quoting it', async (_, text, why) => {
    const keys = join(folder, 'keys');
    await mkdir(keys, { mode: 0o700 });
    await chmod(keys, 0o700);
    const path = join(keys, 'signer');
    await writeFile(path, text, { mode: 0o600 });
    const refusal = await openSigningKeyFile(path).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SigningKeyError);
    const message = (refusal as Error).message;
    expect(message).toContain(`${path} is not a checkpoint signing key: `);
    expect(message).toContain(why);
    expect(message).not.toContain('AYEKFALV');
    expect(message.split('\n')).toHaveLength(1);
    expect(await readFile(path, 'utf8')).toBe(text);
  });

  it('refuses a name no key can have', async () => {
    await expect(openSigningKeyFile(join(folder, 'keys', 'signer'), { name: 'two+parts' })).rejects.toThrow(
      SigningKeyError,
    );
    await expect(openSigningKeyFile(join(folder, 'keys', 'signer'), { name: '' })).rejects.toThrow(SigningKeyError);
  });

  it('makes keys that sign notes their verifier key opens, for any name a key can have', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9./_-]{1,40}$/u),
        fc.stringMatching(/^[a-z ]{1,30}\n$/u),
        (name, text) => {
          const key = parseSigningKeyText('generated', newSigningKeyText(name));
          const verifier = parseVerifierKey(key.verifierKey);
          if (E.isLeft(verifier)) return false;
          const opened = openNote(signNote(text, [key.signer]), [verifier.right]);
          return E.isRight(opened) && opened.right.text === text && key.signer.name === name;
        },
      ),
      { numRuns: 40 },
    );
  });
});
