import * as E from 'fp-ts/Either';
import * as t from 'io-ts';

type Props = Record<string, t.Mixed>;

type Decoded<R extends Props, O extends Props> = { [K in keyof R]: t.TypeOf<R[K]> } & {
  [K in keyof O]?: t.TypeOf<O[K]>;
};
type Encoded<R extends Props, O extends Props> = { [K in keyof R]: t.OutputOf<R[K]> } & {
  [K in keyof O]?: t.OutputOf<O[K]>;
};

const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * An object codec that also refuses fields it does not know, and names every failing field
 * by its own key. Events and commands are contracts: a misspelt optional field (`nextstep`)
 * silently dropped would lose what the coach wrote, so it is reported by name instead.
 */
export class StructType<R extends Props, O extends Props> extends t.Type<Decoded<R, O>, Encoded<R, O>, unknown> {
  readonly _tag = 'StructType' as const;
  constructor(
    name: string,
    readonly required: R,
    readonly optional: O,
  ) {
    const known = new Set([...Object.keys(required), ...Object.keys(optional)]);
    const requiredFields = Object.entries(required);
    const optionalFields = Object.entries(optional);
    // Every codec of the catalogue decodes to its input unchanged, so a value that `is` valid
    // is its own decoding: the fast path allocates nothing, and only a failing value pays for
    // the walk that names each wrong field.
    const is = (u: unknown): u is Decoded<R, O> => {
      if (!isPlainObject(u)) return false;
      for (const key in u) if (!known.has(key)) return false;
      for (const [key, codec] of requiredFields) if (!codec.is(u[key])) return false;
      for (const [key, codec] of optionalFields) if (u[key] !== undefined && !codec.is(u[key])) return false;
      return true;
    };
    super(
      name,
      is,
      (u, context) => {
        if (is(u)) return t.success(u);
        if (!isPlainObject(u))
          return t.failure(u, context, `expected an object, got ${u === undefined ? 'nothing' : JSON.stringify(u)}`);
        const errors: t.ValidationError[] = [];
        const check = (key: string, codec: t.Mixed) => {
          const result = codec.validate(u[key], t.appendContext(context, key, codec, u[key]));
          if (E.isLeft(result)) errors.push(...result.left);
        };
        for (const [key, codec] of requiredFields) check(key, codec);
        for (const [key, codec] of optionalFields) if (u[key] !== undefined) check(key, codec);
        for (const key of Object.keys(u)) {
          if (!known.has(key))
            errors.push({
              value: u[key],
              context: t.appendContext(context, key, t.never, u[key]),
              message: `unknown field "${key}"`,
            });
        }
        // Only reachable when a field codec's `is` and `validate` disagree; keep the input then.
        return errors.length > 0 ? t.failures(errors) : t.success(u as Decoded<R, O>);
      },
      (a) => {
        const encoded: Record<string, unknown> = {};
        const value = a as Record<string, unknown>;
        for (const [key, codec] of requiredFields) encoded[key] = codec.encode(value[key]);
        for (const [key, codec] of optionalFields)
          if (value[key] !== undefined) encoded[key] = codec.encode(value[key]);
        return encoded as Encoded<R, O>;
      },
    );
  }
}

/**
 * A strict object codec: an unknown field is refused by name, so a misspelt optional field is never dropped in
 * silence.
 */
export const struct = <R extends Props, O extends Props = Record<never, never>>(
  name: string,
  required: R,
  optional?: O,
): StructType<R, O> => new StructType(name, required, optional ?? ({} as O));

/** A field that must never be present, with the rule that forbids it as the message. */
export const forbiddenField = (rule: string): t.Type<undefined, undefined, unknown> =>
  new t.Type<undefined, undefined, unknown>(
    'Forbidden',
    (u): u is undefined => u === undefined,
    (u, c) => (u === undefined ? t.success(undefined) : t.failure(u, c, rule)),
    () => undefined,
  );
