import type { Actor } from '@coachline/domain';
import type { TokenRegister } from './token-register';
import type { MintedToken, TokenSigner } from './token-signer';

/**
 * Mints a token and records it in the register before handing it out: a token the register
 * could not record is never seen by anyone, so every token that works can be listed and revoked.
 */
export const issueToken = async (
  signer: TokenSigner,
  register: TokenRegister,
  actor: Actor,
  lifetimeSeconds: number,
  issuedBy: string,
): Promise<MintedToken> => {
  const minted = await signer.mint(actor, lifetimeSeconds);
  await register.issue({
    id: minted.id,
    subject: actor.id,
    role: actor.role,
    issuedAt: minted.issuedAt,
    expiresAt: minted.expiresAt,
    issuedBy,
  });
  return minted;
};
