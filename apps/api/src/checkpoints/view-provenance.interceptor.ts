import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isDomainError } from '@coachline/domain';
import { encodeHashes, type Provenance } from '@coachline/eventstore';
import type { Response } from 'express';
import { from, type Observable, switchMap } from 'rxjs';
import { type ResourceOf, ROUTE_RESOURCE } from '../auth/route-access';
import { RouteMetadata } from '../auth/route-metadata';
import type { ApiRequest } from '../http/api-request';
import { SignedHistory } from './signed-history';

/** The headers a view computed through a position carries: what ties its numbers to the signed history. */
export const PROVENANCE_HEADERS = {
  position: 'Coachline-Position',
  size: 'Coachline-Tree-Size',
  root: 'Coachline-Tree-Root',
  checkpoint: 'Coachline-Checkpoint-Size',
  consistency: 'Coachline-Consistency-Proof',
} as const;

const DIGITS = /^\d{1,15}$/;

/**
 * The position a view was computed through (the query's `throughPosition`). The route's handler
 * has decoded and refused it already when it is wrong: an answer that reaches here was computed
 * through exactly this position.
 */
const throughOf = (request: ApiRequest): number | undefined => {
  const named = (request.query as Record<string, unknown>)['throughPosition'];
  return typeof named === 'string' && DIGITS.test(named) && Number(named) > 0 ? Number(named) : undefined;
};

const headersOf = (position: number, provenance: Provenance | undefined): Map<string, string> => {
  const headers = new Map<string, string>([[PROVENANCE_HEADERS.position, String(position)]]);
  if (provenance === undefined) return headers;
  headers.set(PROVENANCE_HEADERS.size, String(provenance.size));
  headers.set(PROVENANCE_HEADERS.root, Buffer.from(provenance.root).toString('base64'));
  if (provenance.covering !== undefined) {
    headers.set(PROVENANCE_HEADERS.checkpoint, String(provenance.covering.checkpoint.size));
    headers.set(PROVENANCE_HEADERS.consistency, encodeHashes(provenance.covering.consistency).join(','));
  }
  return headers;
};

/**
 * A view computed through a position (the query's `throughPosition`) answers, beside the view,
 * which history its numbers came from: the size and root of the tree of the events up to that
 * position, and, once a checkpoint covers it, the first such checkpoint's size and the proof
 * that its tree extends that root. An auditor keeps the headers with the numbers, fetches the
 * checkpoint (`GET /checkpoints/{size}`) and checks it offline. No checkpoint is signed for the
 * read; a later read of the same position finds the scheduled one. A view read after waiting for
 * a position carries none: it may have folded later events than the one waited for.
 */
@Injectable()
export class ViewProvenanceInterceptor implements NestInterceptor {
  private readonly resourceOf: RouteMetadata<ResourceOf | undefined>;

  constructor(
    reflector: Reflector,
    private readonly history: SignedHistory,
  ) {
    this.resourceOf = new RouteMetadata(reflector, ROUTE_RESOURCE);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<ApiRequest>();
    const position = request.method === 'GET' ? throughOf(request) : undefined;
    const resource = position === undefined ? undefined : this.resourceOf.of(context)?.(request);
    if (position === undefined || resource === undefined || isDomainError(resource) || resource.kind !== 'view')
      return next.handle();
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      switchMap((answer) =>
        from(
          this.history.provenance(position).then((provenance) => {
            for (const [name, value] of headersOf(position, provenance)) response.setHeader(name, value);
            return answer;
          }),
        ),
      ),
    );
  }
}
