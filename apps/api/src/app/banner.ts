import type { SigningSecret } from '../auth/jwt-secret';

/** What a newcomer needs to see at start: where the API is, what it stores in, the files to keep, and how to get a token. */
export const startBanner = (
  url: string,
  store: string,
  secret: SigningSecret,
  keyFile: string,
  setupCode?: string,
  signingKey?: { readonly location: string; readonly verifierKey: string },
): string => {
  const secretLine =
    secret.source === 'environment'
      ? 'Tokens are signed with COACHLINE_JWT_SECRET.'
      : `Tokens are signed with the secret in ${secret.path}${secret.source === 'generated' ? ' (generated now, readable by you only)' : ''}; set COACHLINE_JWT_SECRET to use your own.`;
  return [
    '',
    `Coachline API listening on ${url}`,
    `  web app: ${url}/`,
    `  store:   ${store}`,
    `  docs:    ${url}/docs (OpenAPI JSON), ${url}/docs/html`,
    `  health:  ${url}/health, ${url}/health/ready`,
    `  ${secretLine}`,
    // Without this file no child's screening data opens again: the operator must know to keep it.
    `  Children's keys are wrapped under the key file ${keyFile}; back it up apart from the store.`,
    ...(signingKey === undefined
      ? []
      : [
          `  Checkpoints are signed with the key in ${signingKey.location}; back it up apart from the store.`,
          `  Their verifier key: ${signingKey.verifierKey}`,
        ]),
    ...(setupCode === undefined ? [] : [`  Open ${url}/#/setup?code=${setupCode} to create the first admin.`]),
    '  First admin token: npm run api:admin -- --id admin-1',
    '',
  ].join('\n');
};
