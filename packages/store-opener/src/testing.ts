/**
 * Test helpers for code that opens stores by location: one that lasts the test, with nothing to
 * set up. Nothing here needs a test runner's globals.
 */
import type { OpenedStore } from '@coachline/eventstore';
import { openStore } from './open-store';
import { MEMORY_STORE } from './store-location';

/** A store in process memory, opened as every other location is: sealing child data, keys in the process. */
export const openMemoryStore = (): Promise<OpenedStore> => openStore({ kind: 'memory', address: MEMORY_STORE });
