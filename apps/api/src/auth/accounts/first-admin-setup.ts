import { timingSafeEqual } from 'node:crypto';
import { newCode, sha256Of } from './account-register';

/**
 * The one-time code that creates the first admin, made at start while there is no account and
 * kept in memory as its hash only: it reaches no file, and a restart makes a new one.
 */
export class FirstAdminSetup {
  private codeHash: Buffer | undefined;

  private constructor(code: string | undefined) {
    this.codeHash = code === undefined ? undefined : Buffer.from(sha256Of(code), 'hex');
  }

  /** A setup and the code to print, or a setup that accepts no code (accounts exist already). */
  static make(needed: boolean): { setup: FirstAdminSetup; code?: string } {
    if (!needed) return { setup: new FirstAdminSetup(undefined) };
    const code = newCode();
    return { setup: new FirstAdminSetup(code), code };
  }

  matches(code: string): boolean {
    if (this.codeHash === undefined) return false;
    return timingSafeEqual(Buffer.from(sha256Of(code), 'hex'), this.codeHash);
  }

  /** Once the first admin exists the code is spent. */
  spend(): void {
    this.codeHash = undefined;
  }
}
