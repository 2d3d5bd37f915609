import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt's cost: 2^15 blocks of 1 KiB (r = 8), 32 MiB each time, so guessing offline is slow and costly. */
const N = 2 ** 15;
const R = 8;
const P = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 64;
/** Node refuses more than 32 MiB unless told; N·r·128 is exactly that, plus scrypt's own bookkeeping. */
const MAX_MEMORY = 64 * 1024 * 1024;

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url: the parameters travel with the hash, so they can be raised later. */
export const PASSWORD_HASH_PATTERN = /^scrypt\$\d{1,8}\$\d{1,3}\$\d{1,3}\$[A-Za-z0-9_-]{16,}\$[A-Za-z0-9_-]{16,}$/;

const scrypt = (password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );

export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, KEY_BYTES, { N, r: R, p: P, maxmem: MAX_MEMORY });
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
};

/** Whether the password is the one hashed; a hash not of this form matches nothing. */
export const passwordMatches = async (password: string, hash: string): Promise<boolean> => {
  if (!PASSWORD_HASH_PATTERN.test(hash)) return false;
  const [, n, r, p, salt, key] = hash.split('$') as [string, string, string, string, string, string];
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEMORY,
  });
  return timingSafeEqual(actual, expected);
};

/**
 * A hash of no one's password, checked when the account id is unknown, so a wrong id takes as
 * long to refuse as a wrong password and the timing does not say which ids exist.
 */
let dummy: Promise<string> | undefined;
export const dummyPasswordHash = (): Promise<string> => (dummy ??= hashPassword(randomBytes(24).toString('base64url')));
