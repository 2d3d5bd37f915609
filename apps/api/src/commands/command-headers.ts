import { FieldError, Id } from '@coachline/domain';
import * as t from 'io-ts';

export interface CommandHeaders {
  /** `Idempotency-Key`: the command's id; a retry with the same key gets the first answer. */
  readonly idempotencyKey?: string;
  /** `If-Match`: the stream revision the caller last saw. */
  readonly expectedRevision?: number;
}

/** `Idempotency-Key` becomes the command's id, so it follows the id grammar. */
export const IdempotencyKey: t.Type<string, string, unknown> = Id;

/** A revision as the `ETag` of a command's answer gives it (`"3"`), weak or bare; 15 digits keep it a safe integer. */
const REVISION = /^(?:W\/)?(?:"(\d{1,15})"|(\d{1,15}))$/;

/** `If-Match`: the stream revision last seen. Its `pattern` is what the OpenAPI document says of it. */
export const IfMatch = Object.assign(
  new t.Type<string, string, unknown>(
    'IfMatch',
    (u): u is string => typeof u === 'string' && REVISION.test(u),
    (u, c) =>
      typeof u === 'string' && REVISION.test(u)
        ? t.success(u)
        : t.failure(u, c, `expected the stream revision last seen, such as "3", got ${JSON.stringify(u)}`),
    (s) => s,
  ),
  { pattern: REVISION },
);

/** The request headers a command reads, each with the codec that checks it. */
export const COMMAND_HEADERS = { 'idempotency-key': IdempotencyKey, 'if-match': IfMatch } as const;

const single = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value.join(',') : value;

const problem = (codec: t.Mixed, value: string): string | undefined => {
  const decoded = codec.decode(value);
  return decoded._tag === 'Left' ? (decoded.left[0]?.message ?? `expected ${codec.name}`) : undefined;
};

/** Reads the command headers, naming each malformed one rather than ignoring it. */
export const readCommandHeaders = (
  headers: Record<string, string | string[] | undefined>,
): { headers: CommandHeaders; errors: FieldError[] } => {
  const errors: FieldError[] = [];
  const given = (name: keyof typeof COMMAND_HEADERS): string | undefined => {
    const value = single(headers[name]);
    const message = value === undefined ? undefined : problem(COMMAND_HEADERS[name], value);
    if (message === undefined) return value;
    errors.push({ path: `headers.${name}`, message });
    return undefined;
  };
  const key = given('idempotency-key');
  const ifMatch = given('if-match');
  const match = ifMatch === undefined ? undefined : REVISION.exec(ifMatch);
  const revision = match ? (match[1] ?? match[2]) : undefined;
  return {
    headers: {
      ...(key !== undefined ? { idempotencyKey: key } : {}),
      ...(revision !== undefined ? { expectedRevision: Number(revision) } : {}),
    },
    errors,
  };
};
