import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@coachline/domain';
import { ACCESS_LOG, CLOCK, type Clock } from '../app/injection-tokens';
import type { AccessLog } from './access-log';

/** Records a read of a confidential view before its answer leaves: no answer goes out unrecorded. */
@Injectable()
export class AccessRecorder {
  constructor(
    @Inject(ACCESS_LOG) private readonly log: AccessLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  record(
    actor: Actor,
    view: string,
    query: Readonly<Record<string, string | number | undefined>>,
    correlationId: string,
  ): Promise<void> {
    const asked = Object.fromEntries(
      Object.entries(query)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    );
    return this.log.record({
      id: randomUUID(),
      at: this.clock().toISOString(),
      actor,
      view,
      query: asked,
      correlationId,
    });
  }
}
