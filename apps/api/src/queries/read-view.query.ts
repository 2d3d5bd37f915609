import { Query } from '@nestjs/cqrs';
import type { Actor, DomainError } from '@coachline/domain';
import type * as E from 'fp-ts/Either';
import type { Scope } from '../policy/grants';
import type { ViewParams } from './view-params';

/** The views the projection runner keeps live. */
export type LiveViewName = 'dosage' | 'timeline' | 'cycles' | 'share' | 'evaluation';

/** A read of a live view, as of now (after waiting for a position, if asked) or as of a past moment. */
export class ReadView extends Query<E.Either<DomainError, unknown>> {
  constructor(
    readonly view: LiveViewName,
    readonly params: ViewParams,
    readonly actor: Actor,
    readonly scope: Scope,
    readonly correlationId: string,
  ) {
    super();
  }
}
