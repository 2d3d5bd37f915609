import { resolve } from 'node:path';
import { escapeUnsafe, printableText } from '@coachline/domain';
import {
  isInsideFolder,
  openSigningKeyFile,
  signCheckpoint,
  signingKeyFileBeside,
  SigningKeyError,
  type CheckpointSigningKey,
  type StoredCheckpoint,
} from '@coachline/eventstore';
import { checkOutputFile, writeOutputFile } from '../output/output-file';
import { keyFileOf } from '../store/open-store';
import { storeLocationOf } from '../store/store-location';
import { withVerifiableStore, type VerifiableStore } from '../verifiable/verifiable-store';
import { FailureError, UsageError } from './usage-error';

export interface CheckpointOptions {
  readonly store?: string;
  /** `--signing-key`: the file of the key that signs the store's checkpoints. */
  readonly signingKey?: string;
  /** `--key-file`: the children's key file, beside which the signing key is kept by default. */
  readonly keyFile?: string;
  /** `--out`: also write the signed note to this file (0600). */
  readonly out?: string;
}

export const SIGNING_KEY_ENV = 'COACHLINE_SIGNING_KEY_FILE';

/**
 * The signing key file, where the API looks for it too: `--signing-key`, else
 * COACHLINE_SIGNING_KEY_FILE, else beside the children's key file. Never inside the store's
 * folder, so a copy of the store can never sign in its name.
 */
export const signingKeyFileOf = (options: CheckpointOptions): string => {
  const location = storeLocationOf(options.store);
  const env = process.env[SIGNING_KEY_ENV];
  const given = options.signingKey ?? (env === '' ? undefined : env);
  const path = given === undefined ? signingKeyFileBeside(keyFileOf(location, options.keyFile)) : resolve(given);
  if (location.kind === 'folder' && isInsideFolder(path, location.address))
    throw new UsageError(
      `--signing-key: the signing key must be outside the store folder ${escapeUnsafe(resolve(location.address))}, so that a copy of the store cannot sign`,
    );
  return path;
};

const openKey = async (path: string): Promise<CheckpointSigningKey> => {
  try {
    return await openSigningKeyFile(path);
  } catch (error) {
    if (error instanceof SigningKeyError) throw new FailureError(printableText(error.message));
    throw error;
  }
};

const sign = async (store: VerifiableStore, key: CheckpointSigningKey, now: Date): Promise<StoredCheckpoint> => {
  try {
    return await signCheckpoint(store.log, store.checkpoints, key, now);
  } catch (error) {
    // A key of another log, or a tree that no longer extends what was signed: signing refuses both.
    throw new FailureError(`${store.shown}: ${printableText((error as Error).message)}`);
  }
};

/**
 * `coachline checkpoint`: signs the store's tree as it is now with the signing key, keeps the
 * checkpoint in the store (with the verifier key, published), and prints the signed note; one
 * already kept for the tree's size is printed instead of a second. `--out` writes the note too.
 */
export const checkpointCommand = async (
  options: CheckpointOptions,
  out: NodeJS.WritableStream,
  now: () => Date = () => new Date(),
): Promise<void> => {
  const path = signingKeyFileOf(options);
  if (options.out !== undefined) await checkOutputFile(options.out);
  // The key is opened (made, the first time) only once the store is there to sign for.
  const { key, signed } = await withVerifiableStore(options.store, async (store) => {
    const key = await openKey(path);
    return { key, signed: await sign(store, key, now()) };
  });
  if (options.out === undefined) {
    out.write(signed.note);
    return;
  }
  await writeOutputFile(options.out, [signed.note]);
  out.write(
    `checkpoint of ${signed.size} events signed by ${printableText(key.signer.name)} at ${signed.signedAt}, written to ${escapeUnsafe(options.out)}\nverifier key: ${key.verifierKey}\n`,
  );
};
