import { SignJWT } from 'jose';
import { InvalidTokenError, MAX_TOKEN_LENGTH, TokenSigner } from './token-signer';

const SECRET = 'a-secret-that-is-long-enough-to-sign-hs256';

describe('bearer tokens', () => {
  const signer = new TokenSigner(SECRET);

  it('carry the actor and an id of their own: minted, then verified back to the same actor and id', async () => {
    const minted = await signer.mint({ id: 'c-03', role: 'coach' }, 600);
    expect(await signer.verify(minted.token)).toEqual({
      actor: { id: 'c-03', role: 'coach' },
      id: minted.id,
      expiresAtMs: Date.parse(minted.expiresAt),
    });
    expect(Date.parse(minted.expiresAt) - Date.parse(minted.issuedAt)).toBe(600_000);
    expect((await signer.mint({ id: 'c-03', role: 'coach' }, 600)).id).not.toBe(minted.id);
  });

  it('are refused without an id to revoke them by, or with one that is not an id', async () => {
    const key = new TextEncoder().encode(SECRET);
    const claims = () =>
      new SignJWT({ role: 'admin' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('admin-1')
        .setIssuer('coachline')
        .setAudience('coachline-api')
        .setExpirationTime('1h');
    await expect(signer.verify(await claims().sign(key))).rejects.toThrow(/no id it could be revoked by/);
    await expect(signer.verify(await claims().setJti('__proto__').sign(key))).rejects.toThrow(
      /no id it could be revoked by/,
    );
  });

  it('are refused, before any decoding, when longer than any of ours', async () => {
    const minted = await signer.mint({ id: 'c-03', role: 'coach' }, 600);
    expect(minted.token.length).toBeLessThan(MAX_TOKEN_LENGTH / 4);
    await expect(signer.verify(`${minted.token}${'A'.repeat(MAX_TOKEN_LENGTH)}`)).rejects.toThrow(/longer than/);
  });

  it('are refused when signed with another secret', async () => {
    const other = await new TokenSigner(`${SECRET}-other`).mint({ id: 'admin-1', role: 'admin' }, 600);
    await expect(signer.verify(other.token)).rejects.toThrow(InvalidTokenError);
  });

  it('are refused when their role is not one of the program’s', async () => {
    const token = await new SignJWT({ role: 'root' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer('coachline')
      .setAudience('coachline-api')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    await expect(signer.verify(token)).rejects.toThrow(/role must be one of admin, coach/);
  });

  it('are refused when their subject could not be recorded in an event', async () => {
    const minted = await signer.mint({ id: 'c-\u0000', role: 'coach' }, 600);
    await expect(signer.verify(minted.token)).rejects.toThrow(/subject cannot be recorded/);
  });

  it('are refused once expired, saying so', async () => {
    const token = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('admin-1')
      .setIssuer('coachline')
      .setAudience('coachline-api')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(new TextEncoder().encode(SECRET));
    await expect(signer.verify(token)).rejects.toThrow('The token has expired.');
  });
});
