/**
 * What the key store contract opens and closes for each test (jest globals): the adapter's vault,
 * as many times as a test asks (each opening another process, or the same one after a restart),
 * under a key file of the test's own.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildKey } from './child-key-store';
import type { ChildKeyVault } from './child-key-vault';
import { KEY_FILE_NAME, keyEncryptionKeyFile, type KeyEncryptionKeyFile } from './key-file';
import { openChildKeyStore, type WrappedChildKeyStore } from './wrapped-child-key-store';

/** A vault opened on its storage, and how to let it go. */
export interface OpenedChildKeyVault {
  readonly vault: ChildKeyVault;
  close(): Promise<void>;
}

/**
 * The storage one test uses. `openVault` may be called several times: each call opens a vault on
 * the same storage, as another process (or the same one after a restart) would.
 */
export interface ChildKeyStorage {
  openVault(): Promise<OpenedChildKeyVault>;
  /**
   * Keeps a child's key raw, as the adapter kept keys before they were wrapped, in storage no
   * key store has opened yet. Absent for adapters that never kept raw keys.
   */
  writeRawKey?(childRef: string, key: ChildKey): Promise<void>;
  /**
   * The key file of a storage that outlives the test (a real server that keeps what earlier runs
   * wrote); by default each test has a key file of its own in a temporary folder.
   */
  readonly keyFile?: string;
  /** Releases the storage once the test is over. */
  dispose(): Promise<void>;
}

export type OpenChildKeyStorage = () => Promise<ChildKeyStorage>;

export interface ChildKeyHarness {
  readonly storage: ChildKeyStorage;
  readonly keyFilePath: string;
  readonly keyFile: KeyEncryptionKeyFile;
  /** A child ref of this test's own, so storage that keeps earlier tests' children does too. */
  child(label: string): string;
  openVault(): Promise<ChildKeyVault>;
  /** A key store on a newly opened vault; `wrapVault` and `file` stand in for them (faults, another key file). */
  open(options?: {
    wrapVault?: (vault: ChildKeyVault) => ChildKeyVault;
    file?: KeyEncryptionKeyFile;
  }): Promise<WrappedChildKeyStore>;
  /** Closes every vault opened so far, as a process stopping does. */
  closeAll(): Promise<void>;
}

export const useChildKeyHarness = (openStorage: OpenChildKeyStorage): ChildKeyHarness => {
  let storage: ChildKeyStorage | undefined;
  let folder: string | undefined;
  let run = '';
  const opened: OpenedChildKeyVault[] = [];
  const closeAll = async () => {
    await Promise.all(opened.splice(0).map((each) => each.close()));
  };

  beforeEach(async () => {
    run = randomUUID().slice(0, 8);
    storage = await openStorage();
    if (storage.keyFile === undefined) folder = await mkdtemp(join(tmpdir(), 'coachline-kek-'));
  });

  afterEach(async () => {
    await closeAll();
    await storage?.dispose();
    if (folder !== undefined) await rm(folder, { recursive: true, force: true });
    storage = undefined;
    folder = undefined;
  });

  const harness: ChildKeyHarness = {
    get storage() {
      if (storage === undefined) throw new Error('The storage is only there inside a test.');
      return storage;
    },
    get keyFilePath() {
      const configured = harness.storage.keyFile;
      if (configured !== undefined) return configured;
      if (folder === undefined) throw new Error('The key folder is only there inside a test.');
      return join(folder, 'keys', KEY_FILE_NAME);
    },
    get keyFile() {
      return keyEncryptionKeyFile(harness.keyFilePath);
    },
    child: (label) => `${label}-${run}`,
    openVault: async () => {
      const vault = await harness.storage.openVault();
      opened.push(vault);
      return vault.vault;
    },
    open: async (options = {}) => {
      const vault = await harness.openVault();
      return openChildKeyStore(options.wrapVault ? options.wrapVault(vault) : vault, options.file ?? harness.keyFile);
    },
    closeAll,
  };
  return harness;
};
