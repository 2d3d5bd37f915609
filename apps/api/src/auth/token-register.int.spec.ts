import { appendFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryEventStore } from '@coachline/eventstore';
import { describeOnEachEngine } from '@coachline/eventstore-postgres/testing';
import { FileTokenLedger } from './file-token-ledger';
import { StoreTokenLedger } from './store-token-ledger';
import type { IssuedToken } from './token-request';
import { TokenLedger, TokenRegister, TokenRegisterDamagedError } from './token-register';

const NOW = new Date('2026-01-15T12:00:00.000Z');

const token = (id: string, subject = 'c-1', expiresAt = '2026-01-15T20:00:00.000Z'): IssuedToken => ({
  id,
  subject,
  role: 'coach',
  issuedAt: '2026-01-15T12:00:00.000Z',
  expiresAt,
  issuedBy: 'admin-1',
});

/** A ledger and the way a second process, or the same one after a restart, opens the same ledger. */
interface Ledgers {
  first: TokenLedger;
  another(): Promise<TokenLedger>;
  dispose(): Promise<void>;
}

const behaves = (name: string, open: () => Promise<Ledgers>) =>
  describe(name, () => {
    let ledgers: Ledgers;
    beforeEach(async () => (ledgers = await open()));
    afterEach(() => ledgers.dispose());

    it('lists each token issued with its state, oldest first, never its text', async () => {
      const register = await TokenRegister.open(ledgers.first);
      await register.issue(token('t-1'));
      await register.issue({
        ...token('t-2', 'c-2', '2026-01-15T11:00:00.000Z'),
        issuedAt: '2026-01-15T10:00:00.000Z',
      });
      expect(await register.list({}, NOW)).toEqual([
        { ...token('t-2', 'c-2', '2026-01-15T11:00:00.000Z'), issuedAt: '2026-01-15T10:00:00.000Z', state: 'expired' },
        { ...token('t-1'), state: 'active' },
      ]);
      expect(await register.list({ subject: 'c-1' }, NOW)).toEqual([{ ...token('t-1'), state: 'active' }]);
      expect(await register.list({ state: 'expired' }, NOW)).toHaveLength(1);
    });

    it('revokes at once, once, and says so when the token was never issued', async () => {
      const register = await TokenRegister.open(ledgers.first);
      await register.issue(token('t-1'));
      expect(register.isRevoked('t-1')).toBe(false);
      const revoked = await register.revoke('t-1', 'admin-2', NOW);
      expect(revoked).toEqual({
        ...token('t-1'),
        state: 'revoked',
        revokedAt: NOW.toISOString(),
        revokedBy: 'admin-2',
      });
      expect(register.isRevoked('t-1')).toBe(true);
      expect(await register.revoke('t-1', 'admin-3', new Date('2026-01-16T00:00:00.000Z'))).toEqual(revoked);
      expect(await register.revoke('t-404', 'admin-2', NOW)).toBeUndefined();
      expect(register.isRevoked('t-404')).toBe(false);
    });

    it('lists tokens issued at the same moment in the order they were recorded, whichever process recorded them', async () => {
      const here = await TokenRegister.open(ledgers.first);
      const there = await TokenRegister.open(await ledgers.another());
      await there.issue(token('t-there'));
      await here.issue(token('t-here'));
      expect((await here.list({}, NOW)).map((t) => t.id)).toEqual(['t-there', 't-here']);
    });

    it('keeps a revocation across a restart', async () => {
      const before = await TokenRegister.open(ledgers.first);
      await before.issue(token('t-1'));
      await before.issue(token('t-2'));
      await before.revoke('t-1', 'admin-1', NOW);
      const after = await TokenRegister.open(await ledgers.another());
      expect(after.isRevoked('t-1')).toBe(true);
      expect(after.isRevoked('t-2')).toBe(false);
      expect((await after.list({ state: 'revoked' }, NOW)).map((t) => t.id)).toEqual(['t-1']);
    });

    it('sees what another process issued and revoked once it looks again, and revokes a token issued elsewhere', async () => {
      const here = await TokenRegister.open(ledgers.first);
      const there = await TokenRegister.open(await ledgers.another());
      await there.issue(token('t-1'));
      await there.issue(token('t-2'));
      await there.revoke('t-1', 'admin-1', NOW);
      expect(here.isRevoked('t-1')).toBe(false);
      await here.refresh();
      expect(here.isRevoked('t-1')).toBe(true);
      expect((await here.revoke('t-2', 'admin-1', NOW))?.state).toBe('revoked');
      await there.refresh();
      expect(there.isRevoked('t-2')).toBe(true);
    });

    it('issues, revokes and lists while it looks again, without taking the ledger for damaged', async () => {
      const here = await TokenRegister.open(ledgers.first);
      const there = await TokenRegister.open(await ledgers.another());
      // Entries here has not read yet: every look at the same moment finds them.
      await there.issue(token('t-0'));
      await there.issue(token('t-1'));
      await Promise.all([
        here.issue(token('t-2')),
        here.issue(token('t-3')),
        here.refresh(),
        here.revoke('t-1', 'admin-1', NOW),
        here.list({}, NOW),
        here.refresh(),
      ]);
      await there.issue(token('t-4'));
      expect((await here.list({}, NOW)).map((t) => `${t.id} ${t.state}`).sort()).toEqual([
        't-0 active',
        't-1 revoked',
        't-2 active',
        't-3 active',
        't-4 active',
      ]);
    });

    it('looks again by itself once refreshing', async () => {
      const here = await TokenRegister.open(ledgers.first);
      const there = await TokenRegister.open(await ledgers.another());
      await there.issue(token('t-1'));
      await there.revoke('t-1', 'admin-1', NOW);
      const errors: unknown[] = [];
      here.startRefreshing((error) => errors.push(error), 20);
      try {
        const deadline = Date.now() + 5_000;
        while (!here.isRevoked('t-1') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      } finally {
        here.stopRefreshing();
      }
      expect([here.isRevoked('t-1'), errors]).toEqual([true, []]);
    });
  });

behaves('the token register in a store of its own (in memory)', async () => {
  const store = new InMemoryEventStore();
  return {
    first: new StoreTokenLedger(store),
    another: async () => new StoreTokenLedger(store),
    dispose: () => store.close(),
  };
});

describeOnEachEngine('the token register in a store of its own', (openStore) => {
  behaves('on the engine', async () => {
    const testStore = await openStore('tokens');
    return {
      first: new StoreTokenLedger(testStore.store),
      another: async () => new StoreTokenLedger(await testStore.openAnother()),
      dispose: () => testStore.dispose(),
    };
  });
});

describe('the token register as a JSON Lines file', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'coachline-tokens-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  behaves('behaves like the store', async () => {
    const path = join(dir, `${Math.random()}`, 'tokens.jsonl');
    return {
      first: new FileTokenLedger(path),
      another: async () => new FileTokenLedger(path),
      dispose: async () => undefined,
    };
  });

  it('is readable by its owner only, in a folder it makes for its owner only', async () => {
    const path = join(dir, 'made', 'tokens.jsonl');
    await (await TokenRegister.open(new FileTokenLedger(path))).issue(token('t-1'));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'made'))).mode & 0o777).toBe(0o700);
  });

  it('reads an entry another process is still writing only once its line is whole', async () => {
    const path = join(dir, 'tokens.jsonl');
    const register = await TokenRegister.open(new FileTokenLedger(path));
    await register.issue(token('t-1'));
    const line = JSON.stringify({ kind: 'revoked', id: 't-1', at: NOW.toISOString(), by: 'admin-1' });
    await appendFile(path, line.slice(0, 20));
    await register.refresh();
    expect(register.isRevoked('t-1')).toBe(false);
    await appendFile(path, `${line.slice(20)}\n`);
    await register.refresh();
    expect(register.isRevoked('t-1')).toBe(true);
  });

  it.each([
    ['a line that is not JSON', '{"kind":'],
    ['an entry of another kind', '{"kind":"forgotten","id":"t-1"}'],
    [
      'a token whose subject is not an id',
      JSON.stringify({ kind: 'issued', token: { ...token('t-2'), subject: '__proto__' } }),
    ],
  ])('names the line of %s instead of starting on it', async (_name, line) => {
    const path = join(dir, 'tokens.jsonl');
    await (await TokenRegister.open(new FileTokenLedger(path))).issue(token('t-1'));
    await appendFile(path, `${line}\n`);
    await expect(TokenRegister.open(new FileTokenLedger(path))).rejects.toThrow(
      new TokenRegisterDamagedError(`${path}:2: not an entry of the token register`),
    );
  });
});
