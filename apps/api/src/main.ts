import 'reflect-metadata';
import { join } from 'node:path';
import { openAccessLog } from './access-log/open-access-log';
import { startBanner } from './app/banner';
import { ConfigError, describeStore, readConfig } from './app/config';
import { createApi } from './app/create-api';
import { keepFilesPrivate } from './app/private-files';
import { FirstAdminSetup } from './auth/accounts/first-admin-setup';
import { openAccountRegister } from './auth/accounts/open-account-register';
import { loadSigningSecret } from './auth/jwt-secret';
import { openTokenRegister } from './auth/open-token-register';
import { TokenSigner } from './auth/token-signer';
import { openCheckpointSigning } from './checkpoints/open-checkpoint-signing';
import { openEventStore } from './store/open-event-store';

/**
 * The empty database tools/scripts/build-apps.mjs makes beside this bundle: a new embedded store
 * is copied from it rather than made by initdb, which takes seconds and twice the memory.
 */
const PGLITE_TEMPLATE = join(__dirname, 'empty-database');

/** `npm start`: the API on the store the environment names (embedded PGlite in ./.coachline by default). */
const main = async (): Promise<void> => {
  keepFilesPrivate();
  const config = readConfig(process.env, { pgliteTemplate: PGLITE_TEMPLATE });
  const store = await openEventStore(config.store, config.keyFile);
  const checkpointSigning = await openCheckpointSigning(store, config);
  const secret = await loadSigningSecret(config.jwtSecret, config.dataDir);
  const accessLog = await openAccessLog(config);
  const tokens = await openTokenRegister(config);
  const accounts = await openAccountRegister(config);
  const { setup, code: setupCode } = FirstAdminSetup.make(accounts.isEmpty());
  const app = await createApi({
    store,
    accessLog,
    signer: new TokenSigner(secret.secret),
    tokens,
    accounts,
    setup,
    clock: () => new Date(),
    settings: {
      waitForPositionMs: config.waitForPositionMs,
      viewMaxAgeMs: config.viewMaxAgeMs,
      ownsResources: true,
      ...(config.asqSe2Cutoffs === undefined ? {} : { asqSe2Cutoffs: config.asqSe2Cutoffs }),
      ...(config.webDir === undefined ? {} : { webDir: config.webDir }),
    },
    logLevel: config.logLevel,
    ...(checkpointSigning === undefined ? {} : { checkpointSigning }),
  });
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address() as { port: number };
  process.stderr.write(
    `${startBanner(`http://${config.host}:${address.port}`, describeStore(config.store), secret, config.keyFile, setupCode, checkpointSigning?.key)}\n`,
  );
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error))}\n`);
  process.exit(1);
});
