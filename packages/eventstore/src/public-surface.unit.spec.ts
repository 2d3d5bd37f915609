import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as main from './index';
import * as testing from './testing';

// What `@coachline/eventstore` and `@coachline/eventstore/testing` promise to the adapters, the views
// package, the apps and embedders. Adding a name to an entry point means adding it here too, so the
// promise shows in review; removing one is a breaking change for whoever imports it.
const VALUES = [
  'ACCESS_LOG_FILE',
  'AccessLogUnavailableError',
  'CHAIN_START',
  'ChainVerifier',
  'ConsistencyProofFile',
  'DecidedStreams',
  'DuplicateEventError',
  'FileAccessLog',
  'InMemoryChildKeyStore',
  'InMemoryEventStore',
  'InMemoryMerkleNodeStore',
  'InMemoryProjectionCheckpoints',
  'InclusionProofFile',
  'KEY_FILE_NAME',
  'KeyFileError',
  'MAX_LISTED_DAYS',
  'MerkleLog',
  'OpenedStore',
  'RevisionConflictError',
  'SIGNING_KEY_FILE_NAME',
  'SealingEventStore',
  'SigningKeyError',
  'StoreAccessLog',
  'StoreUnavailableError',
  'UnreadableEventError',
  'UnsealedImportError',
  'ViewRead',
  'WRAPPED_KEY_BYTES',
  'WRAPPED_KEY_PREFIX',
  'WrappedChildKeyStore',
  'accessLogTable',
  'canonicalJson',
  'caseloadCoachCheck',
  'checkConsistency',
  'checkConsistencyProofFile',
  'checkInclusionProof',
  'coachingSystemReviewCheck',
  'dayOf',
  'daysBetween',
  'decodeConsistencyProofFile',
  'decodeInclusionProofFile',
  'describeStoreFailure',
  'emptyTreeHash',
  'encodeHashes',
  'ensureStoreAnswers',
  'eventLeafHash',
  'generateNoteKey',
  'handleCommand',
  'isInsideFolder',
  'isRevisionConflict',
  'isSystemFault',
  'keyEncryptionKeyFile',
  'keyFileBeside',
  'leafHash',
  'listReads',
  'listingSpan',
  'logCheckpointText',
  'matches',
  'meetsExpectedRevision',
  'mintEventId',
  'newKeyEncryptionKey',
  'nextIntegrity',
  'nextIntegrityOfCanonical',
  'nodeHash',
  'nodeKey',
  'openChildData',
  'openChildKeyStore',
  'openLogCheckpoint',
  'openNote',
  'openSigningKeyFile',
  'openStreamChildData',
  'openValue',
  'parseLogCheckpointText',
  'parseVerifierKey',
  'parseVerifierKeys',
  'prepareImportSealing',
  'protectChildData',
  'readsTypedPages',
  'redactStoreUrl',
  'requireExpectedRevision',
  'signCheckpoint',
  'signLogCheckpoint',
  'signNote',
  'signingKeyFileBeside',
  'storedCheckpointOf',
  'subjectEntryKey',
  'teamCoachCheck',
  'unwrapChildKey',
  'verifierKeyString',
  'verifyChain',
  'verifyConsistency',
  'verifyInclusion',
  'withSubjectEntries',
];

const TYPES = [
  'AccessLog',
  'AccessLogFilter',
  'AppendResult',
  'BulkImport',
  'BulkImportResult',
  'CanonicalParts',
  'ChainBreak',
  'ChainBreakKind',
  'ChainIntact',
  'ChainOptions',
  'ChainVerification',
  'ChainedEvent',
  'CheckpointLog',
  'CheckpointSigningKey',
  'ChildDataProtectedStore',
  'ChildKey',
  'ChildKeyStore',
  'ChildKeyVault',
  'ChildKeyWrappingState',
  'CommandFailure',
  'CommandOutcome',
  'DecidedStream',
  'DecidedStreamsOptions',
  'EventHandler',
  'EventIntegrity',
  'EventMetadataJson',
  'EventStore',
  'EventToAppend',
  'EventToImport',
  'ExpectedRevision',
  'GeneratedNoteKey',
  'GuideLookup',
  'HandleCommandOptions',
  'HashedContent',
  'ImportSealer',
  'KeyEncryptionKey',
  'KeyEncryptionKeyFile',
  'LatestPassedOver',
  'ListingSpan',
  'LoadedProjection',
  'LogCheckpoint',
  'MerkleNodeStore',
  'NoteSigner',
  'NoteVerifier',
  'OpenedLogCheckpoint',
  'OpenedNote',
  'ParkedAt',
  'PlacedEvent',
  'ProjectionCheckpoints',
  'ProjectionRecord',
  'ProofCheck',
  'ProvenConsistency',
  'ProvenInclusion',
  'ReadAllOptions',
  'ReadStreamOptions',
  'Rewrap',
  'SealedPlace',
  'SigningKeyOptions',
  'StoreEngine',
  'StoredCheckpoint',
  'StoredEvent',
  'StoredNode',
  'StoredViewRow',
  'SubjectEntries',
  'SubscribeOptions',
  'Subscription',
  'SystemFault',
  'TreeHash',
  'TreeHead',
  'TreeNode',
  'TypedPage',
  'TypedPageReader',
  'TypedPagesOptions',
  'VerifiableLog',
  'WrapAt',
  'WrappedChildKey',
];

const TESTING_VALUES = [
  'EventCollector',
  'anEvent',
  'childKeyStoreContract',
  'collect',
  'enrollProvider',
  'eventStoreContract',
  'filesOpenToOthers',
  'logSession',
  'silentServer',
  'someEvents',
  'verifiableLogContract',
];

const TESTING_TYPES = [
  'ChildKeyRotationOptions',
  'ChildKeyStorage',
  'ContractOptions',
  'ContractSubject',
  'OpenChildKeyStorage',
  'OpenContractSubject',
  'OpenedChildKeyVault',
];

/** The names an entry point lists, by whether it lists them as types only. */
const listedNames = (entry: string): { values: string[]; types: string[]; wholesale: boolean } => {
  const source = readFileSync(join(__dirname, entry), 'utf8');
  const values: string[] = [];
  const types: string[] = [];
  for (const [, typeOnly, names] of source.matchAll(/export (type )?\{([^}]*)\} from/g)) {
    for (const specifier of names!.split(',').map((name) => name.trim())) {
      if (specifier === '') continue;
      const name = specifier
        .replace(/^type /, '')
        .split(' as ')
        .at(-1)!;
      (typeOnly || specifier.startsWith('type ') ? types : values).push(name);
    }
  }
  return { values: values.sort(), types: types.sort(), wholesale: /export \*/.test(source) };
};

describe.each([
  ['@coachline/eventstore', 'index.ts', main, VALUES, TYPES],
  ['@coachline/eventstore/testing', 'testing.ts', testing, TESTING_VALUES, TESTING_TYPES],
])('the entry point %s', (_, entry, loaded, values, types) => {
  it('exports at run time exactly the committed values', () => {
    expect(Object.keys(loaded).sort()).toEqual(values);
  });

  it('lists each value and type by name, exactly the committed ones', () => {
    expect(listedNames(entry)).toEqual({ values, types, wholesale: false });
  });
});
