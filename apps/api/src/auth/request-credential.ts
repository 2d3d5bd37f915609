import type { Request } from 'express';

/** How a request was signed in: the token's id and end, and whether it came as a cookie or a bearer token. */
export interface RequestCredential {
  readonly tokenId: string;
  readonly expiresAtMs: number;
  readonly via: 'cookie' | 'bearer';
}

const credentials = new WeakMap<Request, RequestCredential>();

export const rememberCredential = (request: Request, credential: RequestCredential): void => {
  credentials.set(request, credential);
};

export const credentialOf = (request: Request): RequestCredential => {
  const credential = credentials.get(request);
  if (credential === undefined)
    throw new Error('No credential on an authenticated route: the authentication guard did not run.');
  return credential;
};
