import { parseArgs } from 'node:util';
import { Id } from '@coachline/domain';
import { ConfigError, readConfig } from '../app/config';
import { keepFilesPrivate } from '../app/private-files';
import { issueToken } from './issue-token';
import { loadSigningSecret } from './jwt-secret';
import { openTokenRegister } from './open-token-register';
import { DEFAULT_TOKEN_LIFETIME_SECONDS, HOUR_SECONDS, MAX_TOKEN_LIFETIME_SECONDS } from './token-request';
import { TokenSigner } from './token-signer';

const MAX_HOURS = MAX_TOKEN_LIFETIME_SECONDS / HOUR_SECONDS;
const USAGE = `usage: npm run api:admin -- --id <admin id> [--hours <1-${MAX_HOURS}>]`;

/**
 * `npm run api:admin -- --id admin-1`: a token for the first admin, signed with the API's secret
 * (created in the data folder if the API has not started yet) and recorded in the token register,
 * so it is listed and can be revoked like any other. The token alone goes to stdout, so
 * `TOKEN=$(npm run -s api:admin -- --id admin-1)` works; admins mint the others' through POST /tokens.
 */
const main = async (): Promise<number> => {
  keepFilesPrivate();
  let values: { id?: string; hours?: string };
  try {
    ({ values } = parseArgs({ options: { id: { type: 'string' }, hours: { type: 'string' } }, strict: true }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const hours = values.hours === undefined ? DEFAULT_TOKEN_LIFETIME_SECONDS / HOUR_SECONDS : Number(values.hours);
  if (values.id === undefined || !Id.is(values.id) || !Number.isInteger(hours) || hours < 1 || hours > MAX_HOURS) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = readConfig();
  const secret = await loadSigningSecret(config.jwtSecret, config.dataDir);
  const register = await openTokenRegister(config);
  try {
    const actor = { id: values.id, role: 'admin' } as const;
    const minted = await issueToken(new TokenSigner(secret.secret), register, actor, hours * HOUR_SECONDS, values.id);
    process.stderr.write(`Admin token ${minted.id} for ${values.id}, valid until ${minted.expiresAt}:\n`);
    process.stdout.write(`${minted.token}\n`);
  } finally {
    await register.close();
  }
  return 0;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
