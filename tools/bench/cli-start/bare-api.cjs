// The floor under the API's start, in plain JavaScript as the API's build is: a NestJS app on
// Express answering GET /health, and with BARE_PGLITE_DIR also PGlite opened on that folder
// (with the API's page cache) before it listens.
//   PORT=3000 [BARE_PGLITE_DIR=folder] node tools/bench/cli-start/bare-api.cjs
require('reflect-metadata');
const { Controller, Get, Module } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');

class HealthController {
  live() {
    return { status: 'ok' };
  }
}
Controller('health')(HealthController);
Get()(HealthController.prototype, 'live', Object.getOwnPropertyDescriptor(HealthController.prototype, 'live'));

class BareModule {}
Module({ controllers: [HealthController] })(BareModule);

const openPglite = async (dataDir) => {
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create({
    dataDir,
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'],
  });
  await pglite.query('SELECT 1');
  return pglite;
};

const main = async () => {
  const dataDir = process.env.BARE_PGLITE_DIR;
  const pglite = dataDir ? await openPglite(dataDir) : undefined;
  const app = await NestFactory.create(BareModule, { logger: false });
  // Closed as the API closes its store, so that the next start finds the folder as the API leaves it.
  process.once('SIGTERM', async () => {
    await app.close();
    await pglite?.close();
    process.exit(0);
  });
  await app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1');
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
