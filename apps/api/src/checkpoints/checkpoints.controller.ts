import { Controller, Get, Param, Query as QueryString, Req, Res } from '@nestjs/common';
import { invalid, notFound } from '@coachline/domain';
import type { ConsistencyProofFile, StoredCheckpoint } from '@coachline/eventstore';
import type { Response } from 'express';
import { NO_PARAMETERS } from '../auth/accounts/account-request';
import { decodedOrRefused } from '../auth/refuse-unstorable';
import { Guards } from '../auth/route-access';
import { refusal } from '../http/api-error';
import type { ApiRequest } from '../http/api-request';
import {
  type CheckpointAnswer,
  checkpointAnswer,
  CheckpointListQuery,
  ConsistencyQuery,
  DEFAULT_LISTED,
  TreeSizeParam,
} from './checkpoint-answers';
import { SignedHistory } from './signed-history';

const JSON_TYPE = 'application/json';
const NOTE_TYPE = 'text/plain';

/**
 * The checkpoint as JSON, or as the bare signed note when the reader prefers text/plain: what
 * C2SP tools (Go's note and tlog packages among them) read.
 */
const noteOrJson = (request: ApiRequest, response: Response, stored: StoredCheckpoint): CheckpointAnswer | string => {
  response.vary('Accept');
  if (request.accepts([JSON_TYPE, NOTE_TYPE]) !== NOTE_TYPE) return checkpointAnswer(stored);
  response.setHeader('Content-Type', `${NOTE_TYPE}; charset=utf-8`);
  return stored.note;
};

const noCheckpoint = (message: string, path?: string) =>
  refusal(notFound('unknown-checkpoint', message, path === undefined ? [] : [{ path, message }]));

const CHECKPOINTS = () => ({ kind: 'checkpoints' as const });

/**
 * The store's signed checkpoints (C2SP tlog-checkpoint notes), the verifier keys they are signed
 * under, and the proofs that each extends the one before: what an auditor keeps to show later that
 * the history was not rewritten. Every signed-in role reads them.
 */
@Controller('checkpoints')
export class CheckpointsController {
  constructor(private readonly history: SignedHistory) {}

  @Get()
  @Guards(CHECKPOINTS)
  async list(@QueryString() query: unknown): Promise<{ checkpoints: CheckpointAnswer[] }> {
    const { after, limit } = decodedOrRefused(CheckpointListQuery, 'The checkpoint listing', query, 'query');
    const listed = await this.history.list(Number(after ?? 0), Number(limit ?? DEFAULT_LISTED));
    return { checkpoints: listed.map(checkpointAnswer) };
  }

  @Get('latest')
  @Guards(CHECKPOINTS)
  async latest(
    @QueryString() query: unknown,
    @Req() request: ApiRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CheckpointAnswer | string> {
    decodedOrRefused(NO_PARAMETERS, 'The latest checkpoint', query, 'query');
    const latest = await this.history.latest();
    if (latest === undefined) throw noCheckpoint('No checkpoint was signed yet.');
    return noteOrJson(request, response, latest);
  }

  @Get('keys')
  @Guards(CHECKPOINTS)
  async keys(@QueryString() query: unknown): Promise<{ keys: string[] }> {
    decodedOrRefused(NO_PARAMETERS, 'The verifier keys', query, 'query');
    return { keys: await this.history.publishedKeys() };
  }

  @Get('consistency')
  @Guards(CHECKPOINTS)
  async consistency(@QueryString() query: unknown): Promise<ConsistencyProofFile> {
    const decoded = decodedOrRefused(ConsistencyQuery, 'The consistency proof', query, 'query');
    const [from, to] = [Number(decoded.from), Number(decoded.to)];
    if (from > to) {
      const message = `from (${from}) is larger than to (${to}): a tree only extends a smaller one.`;
      throw refusal(invalid('invalid', message, [{ path: 'query.from', message }]));
    }
    const [older, newer] = await Promise.all([this.history.atSize(from), this.history.atSize(to)]);
    const missing = [
      ...(older === undefined ? [{ path: 'query.from', message: `no checkpoint of ${from} events was signed` }] : []),
      ...(newer === undefined ? [{ path: 'query.to', message: `no checkpoint of ${to} events was signed` }] : []),
    ];
    if (older === undefined || newer === undefined)
      throw refusal(
        notFound(
          'unknown-checkpoint',
          `No checkpoint was signed of ${missing.map((m) => m.path).join(', ')}.`,
          missing,
        ),
      );
    const proof = await this.history.consistency(from, to);
    if (typeof proof === 'string') throw new Error(`The tree cannot prove ${from} → ${to}: ${proof}`);
    return { format: 'coachline-consistency-proof/1', from: older.note, to: newer.note, proof };
  }

  @Get(':size')
  @Guards(CHECKPOINTS)
  async atSize(
    @Param('size') size: string,
    @QueryString() query: unknown,
    @Req() request: ApiRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CheckpointAnswer | string> {
    decodedOrRefused(TreeSizeParam, 'The checkpoint size', size, 'params.size');
    decodedOrRefused(NO_PARAMETERS, 'The checkpoint', query, 'query');
    const stored = await this.history.atSize(Number(size));
    if (stored === undefined) throw noCheckpoint(`No checkpoint was signed of ${Number(size)} events.`, 'params.size');
    return noteOrJson(request, response, stored);
  }
}
