import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkConsistency,
  InMemoryChildKeyStore,
  InMemoryEventStore,
  OpenedStore,
  parseVerifierKeys,
  signCheckpoint,
  storedCheckpointOf,
} from '@coachline/eventstore';
import { anEvent } from '@coachline/eventstore/testing';
import * as E from 'fp-ts/Either';
import { ConfigError } from '../app/config';
import { openCheckpointSigning } from './open-checkpoint-signing';

const SCHEDULE = { checkpointEveryEvents: 10, checkpointEveryMinutes: 5 };
const NOW = new Date('2026-12-06T12:00:00.000Z');

const openedMemoryStore = async () => {
  const events = new InMemoryEventStore();
  const store = await OpenedStore.open(
    { events, verifiableLog: events.verifiableLog, signedCheckpoints: events.signedCheckpoints },
    new InMemoryChildKeyStore(),
  );
  return store;
};

describe('the signing key the API opens for its store', () => {
  let folder: string;
  let keyFile: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'coachline-open-signing-'));
    keyFile = join(folder, 'keys', 'checkpoint-signing-key');
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('makes a key for a store with no checkpoint yet, with the schedule configured', async () => {
    const signing = await openCheckpointSigning(await openedMemoryStore(), { signingKeyFile: keyFile, ...SCHEDULE });
    expect(signing).toMatchObject({ everyEvents: 10, everyMinutes: 5 });
    expect(signing!.key.signer.name).toMatch(/^coachline\/[0-9a-f]{16}$/u);
    expect(signing!.key.location).toBe(keyFile);
  });

  it('rotates: a key made for a store that has checkpoints takes their log’s name, and both keys check', async () => {
    const store = await openedMemoryStore();
    const first = (await openCheckpointSigning(store, { signingKeyFile: keyFile, ...SCHEDULE }))!;
    await store.append('provider-p-1', [anEvent(), anEvent()], 'no-stream');
    const older = await signCheckpoint(store.verifiableLog!, store.signedCheckpoints!, first.key, NOW);
    await rename(keyFile, join(folder, 'retired-key'));

    const second = (await openCheckpointSigning(store, { signingKeyFile: keyFile, ...SCHEDULE }))!;
    expect(second.key.signer.name).toBe(first.key.signer.name);
    expect(second.key.verifierKey).not.toBe(first.key.verifierKey);
    await store.append('provider-p-1', [anEvent()], 1);
    const newer = await signCheckpoint(store.verifiableLog!, store.signedCheckpoints!, second.key, NOW);
    expect(await store.signedCheckpoints!.publishedKeys()).toEqual([first.key.verifierKey, second.key.verifierKey]);
    expect(storedCheckpointOf(newer).origin).toBe(storedCheckpointOf(older).origin);

    const proof = await store.verifiableLog!.consistencyProof(older.size, newer.size);
    const both = parseVerifierKeys([first.key.verifierKey, second.key.verifierKey]);
    if (E.isLeft(proof) || E.isLeft(both)) throw new Error('no proof or keys');
    expect(E.isRight(checkConsistency(older.note, newer.note, proof.right, both.right))).toBe(true);
    // Whoever holds only the retired key cannot take the newer checkpoint for the store's.
    const retiredOnly = parseVerifierKeys([first.key.verifierKey]);
    if (E.isLeft(retiredOnly)) throw new Error(retiredOnly.left);
    expect(E.isLeft(checkConsistency(older.note, newer.note, proof.right, retiredOnly.right))).toBe(true);
  });

  it('refuses the key file of another log in one line naming the variable and the file', async () => {
    const store = await openedMemoryStore();
    const ours = (await openCheckpointSigning(store, { signingKeyFile: keyFile, ...SCHEDULE }))!;
    await store.append('provider-p-1', [anEvent()], 'no-stream');
    await signCheckpoint(store.verifiableLog!, store.signedCheckpoints!, ours.key, NOW);
    const theirs = join(folder, 'theirs', 'key');
    await openCheckpointSigning(await openedMemoryStore(), { signingKeyFile: theirs, ...SCHEDULE });

    const refused = await openCheckpointSigning(store, { signingKeyFile: theirs, ...SCHEDULE }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as Error).message).toMatch(
      new RegExp(
        `^COACHLINE_SIGNING_KEY_FILE: ${theirs} is the key of log "coachline/[0-9a-f]{16}", but this store's checkpoints are of log "${ours.key.signer.name}"\\.$`,
        'u',
      ),
    );
    expect(await store.signedCheckpoints!.publishedKeys()).toEqual([ours.key.verifierKey]);
  });

  it('takes the log’s name from its published key before any checkpoint: another log’s key is refused', async () => {
    const store = await openedMemoryStore();
    const ours = (await openCheckpointSigning(store, { signingKeyFile: keyFile, ...SCHEDULE }))!;
    await store.signedCheckpoints!.publishKey(ours.key.verifierKey);
    const theirs = join(folder, 'theirs', 'key');
    await openCheckpointSigning(await openedMemoryStore(), { signingKeyFile: theirs, ...SCHEDULE });

    const refused = await openCheckpointSigning(store, { signingKeyFile: theirs, ...SCHEDULE }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as Error).message).toContain(`but this store's checkpoints are of log "${ours.key.signer.name}"`);

    await rename(keyFile, join(folder, 'lost-key'));
    const remade = (await openCheckpointSigning(store, { signingKeyFile: keyFile, ...SCHEDULE }))!;
    expect(remade.key.signer.name).toBe(ours.key.signer.name);
    expect(remade.key.verifierKey).not.toBe(ours.key.verifierKey);
  });

  it('opens no key for a store that keeps no checkpoints', async () => {
    const store = await OpenedStore.open({ events: new InMemoryEventStore() }, new InMemoryChildKeyStore());
    expect(await openCheckpointSigning(store, { signingKeyFile: keyFile, ...SCHEDULE })).toBeUndefined();
  });
});
