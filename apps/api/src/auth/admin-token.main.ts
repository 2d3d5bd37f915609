import { parseArgs } from 'node:util';
import { Id } from '@coachline/domain';
import { ConfigError, readConfig } from '../app/config';
import { loadSigningSecret } from './jwt-secret';
import { DAY_SECONDS } from './token-request';
import { TokenSigner } from './token-signer';

const USAGE = 'usage: npm run api:admin -- --id <admin id> [--days <1-365>]';

/**
 * `npm run api:admin -- --id admin-1`: a token for the first admin, signed with the API's secret
 * (created in the data folder if the API has not started yet). The token alone goes to stdout,
 * so `TOKEN=$(npm run -s api:admin -- --id admin-1)` works; admins mint the others' through POST /tokens.
 */
const main = async (): Promise<number> => {
  let values: { id?: string; days?: string };
  try {
    ({ values } = parseArgs({ options: { id: { type: 'string' }, days: { type: 'string' } }, strict: true }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const days = Number(values.days ?? '30');
  if (values.id === undefined || !Id.is(values.id) || !Number.isInteger(days) || days < 1 || days > 365) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = readConfig();
  const secret = await loadSigningSecret(config.jwtSecret, config.dataDir);
  const minted = await new TokenSigner(secret.secret).mint({ id: values.id, role: 'admin' }, days * DAY_SECONDS);
  process.stderr.write(`Admin token for ${values.id}, valid until ${minted.expiresAt}:\n`);
  process.stdout.write(`${minted.token}\n`);
  return 0;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
