import * as t from 'io-ts';

/**
 * Child-identifying values (rule 11). In an event such a field holds the plain value only while it
 * travels from a command to the store; the store keeps it sealed under the child's key, and once
 * the key is destroyed it reads as erased. The domain never decrypts: it only knows the shapes.
 */
export interface SealedEnvelope {
  readonly keyId: string;
  readonly iv: string;
  readonly tag: string;
  readonly ciphertext: string;
}
/** A child-identifying field as stored: sealed under the child's key. */
export interface SealedValue {
  readonly sealed: SealedEnvelope;
}
/** What a child-identifying field reads as once the child's key is destroyed. */
export interface ErasedValue {
  readonly erased: true;
}
/** A child-identifying field in any of its states: plain on its way to the store, sealed, or erased. */
export type Personal<A> = A | SealedValue | ErasedValue;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const isBase64 = (u: unknown): u is string => typeof u === 'string' && u.length % 4 === 0 && BASE64.test(u);
const isKeyId = (u: unknown): u is string => typeof u === 'string' && u.length > 0 && u.length <= 200;

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u);
const hasOnly = (u: Record<string, unknown>, keys: ReadonlyArray<string>): boolean =>
  Object.keys(u).length === keys.length && keys.every((key) => Object.hasOwn(u, key));

/** Checks the whole envelope, so a plain value shaped a little like one is never taken for sealed. */
export const isSealedValue = (u: unknown): u is SealedValue => {
  if (!isObject(u) || !hasOnly(u, ['sealed'])) return false;
  const sealed = u['sealed'];
  return (
    isObject(sealed) &&
    hasOnly(sealed, ['keyId', 'iv', 'tag', 'ciphertext']) &&
    isKeyId(sealed['keyId']) &&
    isBase64(sealed['iv']) &&
    isBase64(sealed['tag']) &&
    isBase64(sealed['ciphertext'])
  );
};

/** True for exactly `{ erased: true }`, so a plain value is never taken for an erased one. */
export const isErasedValue = (u: unknown): u is ErasedValue =>
  isObject(u) && hasOnly(u, ['erased']) && u['erased'] === true;

/** The one erased value, frozen: what a reader puts where a field's key is gone. */
export const ERASED: ErasedValue = Object.freeze({ erased: true as const });

/** The plain value, or `undefined` when it is sealed or erased. */
export const plainOf = <A>(value: unknown, plain: t.Type<A, unknown, unknown>): A | undefined =>
  plain.is(value) ? value : undefined;

/**
 * A personal field of an event: the plain value, a sealed one or an erased one. A failure says
 * what was expected and never shows what was given: the value may be a child's name.
 */
export class PersonalType<C extends t.Mixed> extends t.Type<Personal<t.TypeOf<C>>, Personal<t.OutputOf<C>>, unknown> {
  readonly _tag = 'PersonalType' as const;
  constructor(
    name: string,
    readonly plain: C,
    readonly description: string,
  ) {
    const is = (u: unknown): u is Personal<t.TypeOf<C>> => plain.is(u) || isSealedValue(u) || isErasedValue(u);
    super(
      name,
      is,
      (u, c) =>
        is(u)
          ? t.success(u)
          : t.failure(
              undefined,
              c,
              `expected ${description}, a sealed value or { "erased": true } (the value is not shown: it is child data)`,
            ),
      (a) => (plain.is(a) ? plain.encode(a) : a) as Personal<t.OutputOf<C>>,
    );
  }
}

/** The codec of a child-identifying field of an event, which may be read back sealed or erased. */
export const personal = <C extends t.Mixed>(plain: C, description: string): PersonalType<C> =>
  new PersonalType(`Personal<${plain.name}>`, plain, description);

/**
 * A personal field of a command: the plain value only (a command never carries sealed data),
 * refused without echoing it.
 */
export class PersonalInputType<C extends t.Mixed> extends t.Type<t.TypeOf<C>, t.OutputOf<C>, unknown> {
  readonly _tag = 'PersonalInputType' as const;
  constructor(
    name: string,
    readonly plain: C,
    readonly description: string,
  ) {
    super(
      name,
      (u): u is t.TypeOf<C> => plain.is(u),
      (u, c) =>
        plain.is(u)
          ? t.success(u)
          : t.failure(undefined, c, `expected ${description} (the value is not shown: it is child data)`),
      (a) => plain.encode(a) as t.OutputOf<C>,
    );
  }
}

/** The codec of a child-identifying field of a command: plain only, and never quoted back in a refusal. */
export const personalInput = <C extends t.Mixed>(plain: C, description: string): PersonalInputType<C> =>
  new PersonalInputType(plain.name, plain, description);
