import * as E from 'fp-ts/Either';
import { DomainError, ruleBroken } from '../kernel/domain-error';
import { ProviderEvent } from './provider.events';
import { isRecordable, latestRecordableDate } from './recorded-after';

/** What deciding one provider command gives: the events to append, or why not. */
export type ProviderDecision = E.Either<DomainError, ReadonlyArray<ProviderEvent>>;

/**
 * Rule 2's refusal of a date that had not come when the command was issued, if it had not:
 * `code` is `<thing>-in-future` and `path` the field holding the date.
 */
export const futureDateRefusal = (
  code: string,
  date: string,
  issuedAt: string,
  path: string,
): DomainError | undefined =>
  isRecordable(date, issuedAt)
    ? undefined
    : ruleBroken(
        code,
        `${date} is later than ${latestRecordableDate(issuedAt) ?? 'any day'}, the last day that could have begun when this was sent; things are recorded after they happen (rule 2).`,
        path,
      );
