import { hashPassword, PASSWORD_HASH_PATTERN, passwordMatches } from './password-hash';

describe('password hashes', () => {
  it('are self-describing scrypt strings, salted afresh each time, that match their password only', async () => {
    const password = 'a long enough password';
    const [first, second] = await Promise.all([hashPassword(password), hashPassword(password)]);
    expect(first).toMatch(PASSWORD_HASH_PATTERN);
    expect(first.split('$').slice(0, 4)).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(first.split('$')[4]!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(first.split('$')[5]!, 'base64url')).toHaveLength(64);
    expect(first).not.toBe(second);
    expect(first).not.toContain(password);
    expect(await passwordMatches(password, first)).toBe(true);
    expect(await passwordMatches(password, second)).toBe(true);
    expect(await passwordMatches(`${password} `, first)).toBe(false);
    expect(await passwordMatches('', first)).toBe(false);
  });

  it('match nothing when the stored string is not a hash of this form', async () => {
    const hash = await hashPassword('another long password');
    for (const damaged of ['', 'plain text', hash.replace('scrypt', 'bcrypt'), `${hash}$extra`, hash.slice(0, 30)])
      expect([damaged, await passwordMatches('another long password', damaged)]).toEqual([damaged, false]);
  });

  it('read the same password typed in either Unicode form alike', async () => {
    const composed = 'café au lait, s’il vous plaît';
    expect(await passwordMatches(composed.normalize('NFD'), await hashPassword(composed))).toBe(true);
  });
});
