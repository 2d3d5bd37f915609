import { FieldError, Id } from '@coachline/domain';

export interface CommandHeaders {
  /** `Idempotency-Key`: the command's id; a retry with the same key gets the first answer. */
  readonly idempotencyKey?: string;
  /** `If-Match`: the stream revision the caller last saw. */
  readonly expectedRevision?: number;
}

const REVISION = /^(?:W\/)?(?:"(\d{1,15})"|(\d{1,15}))$/;

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value.join(',') : value);

/** Reads the command headers, naming each malformed one rather than ignoring it. */
export const readCommandHeaders = (headers: Record<string, string | string[] | undefined>): { headers: CommandHeaders; errors: FieldError[] } => {
  const errors: FieldError[] = [];
  const key = single(headers['idempotency-key']);
  const ifMatch = single(headers['if-match']);
  if (key !== undefined && !Id.is(key))
    errors.push({ path: 'headers.idempotency-key', message: 'expected a non-blank id of at most 200 characters, without surrounding spaces' });
  const match = ifMatch === undefined ? undefined : REVISION.exec(ifMatch.trim());
  const revision = match ? (match[1] ?? match[2]) : undefined;
  if (ifMatch !== undefined && revision === undefined)
    errors.push({ path: 'headers.if-match', message: `expected the stream revision last seen, such as "3", got ${JSON.stringify(ifMatch)}` });
  return {
    headers: {
      ...(key !== undefined && Id.is(key) ? { idempotencyKey: key } : {}),
      ...(revision !== undefined ? { expectedRevision: Number(revision) } : {}),
    },
    errors,
  };
};
