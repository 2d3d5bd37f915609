import { Id } from '@coachline/domain';
import type * as t from 'io-ts';
import {
  CheckpointAnswer,
  CheckpointListing,
  CheckpointListQuery,
  ConsistencyProofAnswer,
  ConsistencyQuery,
  InclusionProofAnswer,
  TreeSizeParam,
  VerifierKeysAnswer,
} from '../checkpoints/checkpoint-answers';
import { type Grants, checkpointGrants, proofGrants } from '../policy/grants';
import { jsonSchemaOf } from './json-schema';
import { refusals } from './refusals';

type Operation = Readonly<Record<string, unknown>>;
type Entry = readonly [path: string, method: 'get', operation: Operation];

const json = (codec: t.Mixed) => ({ content: { 'application/json': { schema: jsonSchemaOf(codec) } } });
const rolesOf = (grants: Grants) =>
  Object.entries(grants)
    .map(([role, scope]) => `${role} (${scope})`)
    .join(', ');
const queryOf = (
  codec: { readonly required: Record<string, t.Mixed>; readonly optional: Record<string, t.Mixed> },
  descriptions: Record<string, string>,
) =>
  [
    ...Object.entries(codec.required).map(([name, param]) => [name, param, true] as const),
    ...Object.entries(codec.optional).map(([name, param]) => [name, param, false] as const),
  ].map(([name, param, required]) => ({
    name,
    in: 'query',
    required,
    description: descriptions[name],
    schema: jsonSchemaOf(param),
  }));

/** A checkpoint as JSON, or as the bare C2SP note to a reader that asks for text/plain. */
const checkpointOrNote = {
  content: {
    ...json(CheckpointAnswer).content,
    'text/plain': {
      schema: {
        type: 'string',
        description:
          'The signed note alone (C2SP tlog-checkpoint): origin, size and root lines, a blank line, signatures.',
      },
    },
  },
};

const CHECKPOINTS_UNAVAILABLE =
  'checkpoints-unavailable: the store keeps no signed checkpoints, or none covers the event yet.';
const who = (grants: Grants) => `Who may: ${rolesOf(grants)}.`;

/** The signed checkpoints, the keys they are signed under, and the proofs of consistency and inclusion. */
export const checkpointOperations = (): Entry[] => [
  [
    '/checkpoints',
    'get',
    {
      operationId: 'list-checkpoints',
      summary: 'The signed checkpoints (C2SP tlog-checkpoint notes) of the store’s Merkle tree, smallest first.',
      description: who(checkpointGrants),
      tags: ['checkpoints'],
      parameters: queryOf(CheckpointListQuery, {
        after: 'Only checkpoints of more events than this.',
        limit: 'At most this many (default 100).',
      }),
      responses: {
        '200': { description: 'The checkpoints.', ...json(CheckpointListing) },
        ...refusals(401, 403),
        '503': { description: CHECKPOINTS_UNAVAILABLE, ...refusals(503)['503'] },
      },
    },
  ],
  [
    '/checkpoints/latest',
    'get',
    {
      operationId: 'read-latest-checkpoint',
      summary: 'The checkpoint of the largest tree signed; the bare note with Accept: text/plain.',
      description: who(checkpointGrants),
      tags: ['checkpoints'],
      responses: {
        '200': { description: 'The checkpoint.', ...checkpointOrNote },
        ...refusals(401, 403, 404),
        '503': { description: CHECKPOINTS_UNAVAILABLE, ...refusals(503)['503'] },
      },
    },
  ],
  [
    '/checkpoints/keys',
    'get',
    {
      operationId: 'read-verifier-keys',
      summary:
        'Every verifier key (<name>+<key id>+<key>, C2SP signed-note) the store published, oldest first: a checkpoint signed by any other is not the store’s.',
      description: who(checkpointGrants),
      tags: ['checkpoints'],
      responses: {
        '200': { description: 'The keys.', ...json(VerifierKeysAnswer) },
        ...refusals(401, 403),
        '503': { description: CHECKPOINTS_UNAVAILABLE, ...refusals(503)['503'] },
      },
    },
  ],
  [
    '/checkpoints/consistency',
    'get',
    {
      operationId: 'read-consistency-proof',
      summary:
        'The proof (RFC 9162) that the tree of one signed checkpoint extends that of an earlier one, with both notes: a file `coachline verify --consistency` checks offline.',
      description: who(checkpointGrants),
      tags: ['checkpoints'],
      parameters: queryOf(ConsistencyQuery, {
        from: 'The size of the older checkpoint.',
        to: 'The size of the newer checkpoint (at least from).',
      }),
      responses: {
        '200': { description: 'The consistency proof file.', ...json(ConsistencyProofAnswer) },
        ...refusals(401, 403, 404),
        '503': { description: CHECKPOINTS_UNAVAILABLE, ...refusals(503)['503'] },
      },
    },
  ],
  [
    '/checkpoints/{size}',
    'get',
    {
      operationId: 'read-checkpoint',
      summary: 'The checkpoint of exactly this many events; the bare note with Accept: text/plain.',
      description: who(checkpointGrants),
      tags: ['checkpoints'],
      parameters: [
        {
          name: 'size',
          in: 'path',
          required: true,
          description: 'The tree’s size.',
          schema: jsonSchemaOf(TreeSizeParam),
        },
      ],
      responses: {
        '200': { description: 'The checkpoint.', ...checkpointOrNote },
        ...refusals(401, 403, 404),
        '503': { description: CHECKPOINTS_UNAVAILABLE, ...refusals(503)['503'] },
      },
    },
  ],
  [
    '/events/{id}/proof',
    'get',
    {
      operationId: 'read-inclusion-proof',
      summary:
        'The event as stored and its audit path (RFC 9162) to the latest signed checkpoint, one signed first if none covers it yet: a file `coachline verify --proof` checks offline.',
      description: who(proofGrants),
      tags: ['checkpoints'],
      parameters: [
        { name: 'id', in: 'path', required: true, description: 'The event’s id.', schema: jsonSchemaOf(Id) },
      ],
      responses: {
        '200': { description: 'The inclusion proof file.', ...json(InclusionProofAnswer) },
        ...refusals(401, 403, 404),
        '503': { description: CHECKPOINTS_UNAVAILABLE, ...refusals(503)['503'] },
      },
    },
  ],
];
