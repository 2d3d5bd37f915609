import { createPrivateKey, createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { link, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { isKeyName, keyId, strictBase64, verifierKeyString, type NoteSigner } from '../integrity/merkle/signed-note';
import { writeSyncedBeside } from '../secret-file';

/** The signing key file is missing, unreadable, shared too widely, malformed, or of another log. */
export class SigningKeyError extends Error {
  override readonly name = 'SigningKeyError';
}

export const SIGNING_KEY_FILE_NAME = 'checkpoint-signing-key';

/** The key that signs a log's checkpoints: its name is the log's origin line. */
export interface CheckpointSigningKey {
  /** The file the key was read from, for messages. */
  readonly location: string;
  readonly signer: NoteSigner;
  /** `<name>+<hex key id>+<base64 key>`: what a store publishes so auditors can check its checkpoints. */
  readonly verifierKey: string;
}

/** The signing key file of a store whose child key file is `keyFile`: in the same keys folder. */
export const signingKeyFileBeside = (keyFile: string): string => join(dirname(resolve(keyFile)), SIGNING_KEY_FILE_NAME);

/** `coachline/` and 16 random hex digits: a name no other log picks by chance. */
export const newLogName = (): string => `coachline/${randomBytes(8).toString('hex')}`;

// Go's golang.org/x/mod/sumdb/note signer key: PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 || seed)>.
const PREFIX = 'PRIVATE+KEY+';
const ED25519 = 0x01;
const SEED_BYTES = 32;
// PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410): a fixed header, then the 32 bytes.
const PKCS8_ED25519_HEADER = Buffer.from('302e020100300506032b657004220420', 'hex');

const privateKeyOfSeed = (seed: Buffer): KeyObject =>
  createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_HEADER, seed]), format: 'der', type: 'pkcs8' });

const rawPublicKey = (privateKey: KeyObject): Buffer =>
  Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x ?? '', 'base64url');

const rawSeed = (privateKey: KeyObject): Buffer =>
  Buffer.from(privateKey.export({ format: 'jwk' }).d ?? '', 'base64url');

const keyOf = (location: string, name: string, privateKey: KeyObject): CheckpointSigningKey => ({
  location,
  signer: { name, privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() },
  verifierKey: verifierKeyString(name, rawPublicKey(privateKey)),
});

/** The key file's text for a fresh key named `name`. */
export const newSigningKeyText = (name: string): string => {
  if (!isKeyName(name))
    throw new SigningKeyError(`"${name}" cannot name a signing key: it is empty or holds white space or '+'.`);
  const seed = randomBytes(SEED_BYTES);
  const id = keyId(name, rawPublicKey(privateKeyOfSeed(seed))).toString('hex');
  return `${PREFIX}${name}+${id}+${Buffer.concat([Buffer.of(ED25519), seed]).toString('base64')}\n`;
};

/** Reads a key file's text; the refusal never quotes the text, which is, or is meant to be, a secret. */
export const parseSigningKeyText = (location: string, text: string): CheckpointSigningKey => {
  const refuse = (why: string) => new SigningKeyError(`${location} is not a checkpoint signing key: ${why}.`);
  const line = text.endsWith('\n') ? text.slice(0, -1) : text;
  if (!line.startsWith(PREFIX)) throw refuse('it does not start with PRIVATE+KEY+');
  // The name holds no '+', so the next two separate the name, the key id and the key (whose base64 may hold '+').
  const rest = line.slice(PREFIX.length);
  const first = rest.indexOf('+');
  const second = first === -1 ? -1 : rest.indexOf('+', first + 1);
  if (second === -1) throw refuse('it is not PRIVATE+KEY+<name>+<key id>+<key>');
  const [name, hexId, encoded] = [rest.slice(0, first), rest.slice(first + 1, second), rest.slice(second + 1)];
  if (!isKeyName(name)) throw refuse('its name is empty or holds white space');
  if (!/^[0-9a-f]{8}$/u.test(hexId)) throw refuse('its key id is not 8 lower-case hex digits');
  const bytes = strictBase64(encoded);
  if (bytes?.length !== 1 + SEED_BYTES || bytes[0] !== ED25519)
    throw refuse('its key is not an Ed25519 key (0x01 and 32 bytes, base64)');
  const privateKey = privateKeyOfSeed(bytes.subarray(1));
  if (keyId(name, rawPublicKey(privateKey)).toString('hex') !== hexId)
    throw refuse('its key id does not match its name and key');
  return keyOf(location, name, privateKey);
};

/** The Go signer key text of a key: for tests and for whoever moves a key between tools. */
export const signingKeyText = (key: CheckpointSigningKey): string => {
  const privateKey = createPrivateKey(key.signer.privateKeyPem);
  const id = keyId(key.signer.name, rawPublicKey(privateKey)).toString('hex');
  return `${PREFIX}${key.signer.name}+${id}+${Buffer.concat([Buffer.of(ED25519), rawSeed(privateKey)]).toString('base64')}\n`;
};

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;

/** Refuses a folder or key file any other user can reach, as ssh refuses such a private key. */
const checkModes = async (path: string): Promise<void> => {
  const folder = await stat(dirname(path));
  if ((folder.mode & 0o077) !== 0)
    throw new SigningKeyError(
      `${dirname(path)} is open to other users (mode ${(folder.mode & 0o777).toString(8)}): make it 700 (chmod 700 ${dirname(path)}).`,
    );
  const file = await stat(path).catch((error: unknown) =>
    errorCode(error) === 'ENOENT' ? undefined : Promise.reject(error),
  );
  if (file !== undefined && !file.isFile()) throw new SigningKeyError(`${path} is not a file.`);
  if (file !== undefined && (file.mode & 0o077) !== 0)
    throw new SigningKeyError(
      `${path} is open to other users (mode ${(file.mode & 0o777).toString(8)}): make it 600 (chmod 600 ${path}).`,
    );
};

/**
 * Creates the key file whole or not at all: written to a temporary file, then linked to its name,
 * which fails when the name is taken, so of two processes creating it at once both end up with the
 * key the first linked.
 */
const createKeyFile = async (path: string, text: string): Promise<void> => {
  const temporary = await writeSyncedBeside(path, text);
  try {
    await link(temporary, path);
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
  } finally {
    await rm(temporary, { force: true });
  }
};

export interface SigningKeyOptions {
  /** The name a new key gets (the log's origin); absent, `coachline/<16 random hex>`. */
  readonly name?: string;
}

/**
 * The signing key in `path`, created (0600, in a 0700 folder) when there is none. A key file or
 * folder other users can reach, or a file that is not a signer key, is refused with one line naming
 * the file. An existing key is read as it is: `name` only names a key made here.
 */
export const openSigningKeyFile = async (
  path: string,
  options: SigningKeyOptions = {},
): Promise<CheckpointSigningKey> => {
  const location = resolve(path);
  const name = options.name ?? newLogName();
  if (!isKeyName(name))
    throw new SigningKeyError(`"${name}" cannot name a signing key: it is empty or holds white space or '+'.`);
  await mkdir(dirname(location), { recursive: true, mode: 0o700 }).catch((error: unknown) => {
    throw new SigningKeyError(
      `${dirname(location)}: cannot make the signing key's folder (${errorCode(error) ?? 'error'}).`,
    );
  });
  await checkModes(location);
  const existing = await readFile(location, 'utf8').catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw new SigningKeyError(`${location}: cannot read the signing key (${errorCode(error) ?? 'error'}).`);
  });
  if (existing !== undefined) return parseSigningKeyText(location, existing);
  await createKeyFile(location, newSigningKeyText(name)).catch((error: unknown) => {
    throw new SigningKeyError(`${location}: cannot write the signing key (${errorCode(error) ?? 'error'}).`);
  });
  return parseSigningKeyText(location, await readFile(location, 'utf8'));
};
