import { logNameOf, openSigningKeyFile, type OpenedStore, SigningKeyError } from '@coachline/eventstore';
import { type ApiConfig, ConfigError } from '../app/config';
import type { CheckpointSigning } from './signed-history';

/**
 * The signing key of COACHLINE_SIGNING_KEY_FILE, made there when absent, with the schedule the
 * configuration sets; `undefined` for a store that keeps no checkpoints. A key made for a store
 * that has a log already takes its name: a new key for the same log. A key of another log, or a
 * file that is not one, stops the start with one line.
 */
export const openCheckpointSigning = async (
  store: OpenedStore,
  config: Pick<ApiConfig, 'signingKeyFile' | 'checkpointEveryEvents' | 'checkpointEveryMinutes'>,
): Promise<CheckpointSigning | undefined> => {
  const checkpoints = store.signedCheckpoints;
  if (checkpoints === undefined || store.verifiableLog === undefined) return undefined;
  const origin = await logNameOf(checkpoints);
  try {
    const key = await openSigningKeyFile(config.signingKeyFile, origin === undefined ? {} : { name: origin });
    if (origin !== undefined && key.signer.name !== origin)
      throw new SigningKeyError(
        `${key.location} is the key of log "${key.signer.name}", but this store's checkpoints are of log "${origin}".`,
      );
    return { key, everyEvents: config.checkpointEveryEvents, everyMinutes: config.checkpointEveryMinutes };
  } catch (error) {
    if (error instanceof SigningKeyError)
      throw new ConfigError(`COACHLINE_SIGNING_KEY_FILE: ${error.message}`, { cause: error });
    throw error;
  }
};
