import { Controller, Get, Param, Query as QueryString } from '@nestjs/common';
import { Id, notFound } from '@coachline/domain';
import type { InclusionProofFile } from '@coachline/eventstore';
import { NO_PARAMETERS } from '../auth/accounts/account-request';
import { decodedOrRefused } from '../auth/refuse-unstorable';
import { Guards } from '../auth/route-access';
import { refusal } from '../http/api-error';
import { SignedHistory } from './signed-history';

/**
 * `GET /events/{id}/proof`, for auditors and admins: the event as stored and its audit path to the
 * latest signed checkpoint (one is signed first when none covers the event yet), which
 * `coachline verify --proof` or any RFC 9162 checker checks offline against a published key.
 */
@Controller('events')
export class EventProofController {
  constructor(private readonly history: SignedHistory) {}

  @Get(':id/proof')
  @Guards(() => ({ kind: 'proofs' }))
  async proof(@Param('id') id: string, @QueryString() query: unknown): Promise<InclusionProofFile> {
    decodedOrRefused(Id, 'The event id', id, 'params.id');
    decodedOrRefused(NO_PARAMETERS, 'The inclusion proof', query, 'query');
    const proof = await this.history.inclusionProof(id);
    if (proof === undefined) {
      // EventStoreDB's tree takes in events a moment after they are written: one may be there, not in it yet.
      const message = `The store's tree holds no event with the id ${id}.`;
      throw refusal(notFound('unknown-event', message, [{ path: 'params.id', message }]));
    }
    return proof;
  }
}
