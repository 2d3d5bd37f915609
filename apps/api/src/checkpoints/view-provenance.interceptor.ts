import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isDomainError } from '@coachline/domain';
import type { Response } from 'express';
import { from, type Observable, switchMap } from 'rxjs';
import { type ResourceOf, ROUTE_RESOURCE } from '../auth/route-access';
import { RouteMetadata } from '../auth/route-metadata';
import type { ApiRequest } from '../http/api-request';
import { SignedHistory } from './signed-history';

/** The headers a view read as of a position carries: what ties its numbers to the signed history. */
export const PROVENANCE_HEADERS = {
  position: 'Coachline-Position',
  size: 'Coachline-Tree-Size',
  root: 'Coachline-Tree-Root',
  checkpoint: 'Coachline-Checkpoint-Size',
  consistency: 'Coachline-Consistency-Proof',
} as const;

const DIGITS = /^\d{1,15}$/;

/**
 * The position a read names in its query (`waitForPosition`). The `X-Wait-For-Position` header is
 * the web app's way to read its own writes, sent with every read after one: it asks for no more.
 */
const positionOf = (request: ApiRequest): number | undefined => {
  const named = (request.query as Record<string, unknown>)['waitForPosition'];
  return typeof named === 'string' && DIGITS.test(named) && Number(named) > 0 ? Number(named) : undefined;
};

/**
 * A view read as of a position (the query's `waitForPosition`) answers, beside the view, which history that
 * position stands for: the size and root of the tree of the events up to it, and, once a checkpoint
 * covers it, the first such checkpoint's size and the proof that its tree extends that root. An
 * auditor keeps the headers with the numbers, fetches the checkpoint (`GET /checkpoints/{size}`) and
 * checks it offline. No checkpoint is signed for the read: a read of one's own write would otherwise
 * sign one for every command; a later read of the same position finds the scheduled one.
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
    if (context.getType() !== 'http' || !this.history.isKept) return next.handle();
    const request = context.switchToHttp().getRequest<ApiRequest>();
    const position = request.method === 'GET' ? positionOf(request) : undefined;
    const resource = position === undefined ? undefined : this.resourceOf.of(context)?.(request);
    if (position === undefined || resource === undefined || isDomainError(resource) || resource.kind !== 'view')
      return next.handle();
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      switchMap((answer) =>
        from(
          this.history.provenance(position).then((provenance) => {
            if (provenance === undefined) return answer;
            response.setHeader(PROVENANCE_HEADERS.position, String(position));
            response.setHeader(PROVENANCE_HEADERS.size, String(provenance.size));
            response.setHeader(PROVENANCE_HEADERS.root, provenance.root);
            if (provenance.checkpoint !== undefined) {
              response.setHeader(PROVENANCE_HEADERS.checkpoint, String(provenance.checkpoint));
              response.setHeader(PROVENANCE_HEADERS.consistency, (provenance.consistency ?? []).join(','));
            }
            return answer;
          }),
        ),
      ),
    );
  }
}
