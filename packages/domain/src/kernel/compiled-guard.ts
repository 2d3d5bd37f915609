import * as t from 'io-ts';
import { NonEmptyArrayType, OneOfType } from './primitives';
import { StructType } from './struct';

/** A yes-or-no check of a value against a codec, with nothing allocated and nothing reported. */
export type Guard = (u: unknown) => boolean;

/**
 * The source of one check and the values it refers to. Codec trees are walked once, at
 * compile time; field names enter the source only as JSON string literals, and everything
 * else the check needs (refinements, sets of words, other codecs) is passed in by reference,
 * never written into the source.
 */
class GuardSource {
  private readonly references: unknown[] = [];
  private names = 0;

  fresh(): string {
    return `v${this.names++}`;
  }

  reference(value: unknown): string {
    this.references.push(value);
    return `r${this.references.length - 1}`;
  }

  /** Statements that `return false` unless `value` (a variable) passes `codec.is`. */
  check(codec: t.Mixed, value: string): string {
    if (codec instanceof StructType) return this.struct(codec, value);
    if (codec instanceof OneOfType)
      return `if (!${this.reference(new Set<unknown>(codec.values))}.has(${value})) return false;\n`;
    if (codec instanceof t.LiteralType) return `if (${value} !== ${this.reference(codec.value)}) return false;\n`;
    if (codec instanceof t.StringType) return `if (typeof ${value} !== 'string') return false;\n`;
    if (codec instanceof t.NumberType) return `if (typeof ${value} !== 'number') return false;\n`;
    if (codec instanceof t.BooleanType) return `if (typeof ${value} !== 'boolean') return false;\n`;
    if (codec instanceof t.UnknownType) return '';
    if (codec instanceof NonEmptyArrayType) return this.array(codec.item, value, true);
    if (codec instanceof t.ArrayType) return this.array(codec.type as t.Mixed, value, false);
    if (codec instanceof t.UnionType) {
      const members = (codec.types as t.Mixed[]).map((member) => `${this.reference(compileGuard(member))}(${value})`);
      return `if (!(${members.join(' || ')})) return false;\n`;
    }
    // Refinements and every other codec keep their own check; the call site sees one codec only.
    return `if (!${this.reference(codec)}.is(${value})) return false;\n`;
  }

  /** As `StructType.is`: a plain object, no field it does not know, every field it knows right. */
  private struct(codec: StructType<Record<string, t.Mixed>, Record<string, t.Mixed>>, value: string): string {
    const known = [...Object.keys(codec.required), ...Object.keys(codec.optional)].map((key) => JSON.stringify(key));
    const key = this.fresh();
    let source = `if (typeof ${value} !== 'object' || ${value} === null || Array.isArray(${value})) return false;\n`;
    source +=
      known.length === 0
        ? `for (const ${key} in ${value}) return false;\n`
        : `for (const ${key} in ${value}) switch (${key}) { ${known.map((k) => `case ${k}:`).join(' ')} break; default: return false; }\n`;
    for (const [name, field] of Object.entries(codec.required)) {
      const inner = this.fresh();
      source += `{ const ${inner} = ${value}[${JSON.stringify(name)}];\n${this.check(field, inner)}}\n`;
    }
    for (const [name, field] of Object.entries(codec.optional)) {
      const inner = this.fresh();
      source += `{ const ${inner} = ${value}[${JSON.stringify(name)}];\nif (${inner} !== undefined) {\n${this.check(field, inner)}}}\n`;
    }
    return source;
  }

  /** As io-ts's `ArrayType.is` (`every`, which passes over the holes of a sparse array). */
  private array(item: t.Mixed, value: string, nonEmpty: boolean): string {
    const index = this.fresh();
    const inner = this.fresh();
    return (
      `if (!Array.isArray(${value})${nonEmpty ? ` || ${value}.length === 0` : ''}) return false;\n` +
      `for (let ${index} = 0; ${index} < ${value}.length; ${index}++) {\n` +
      `const ${inner} = ${value}[${index}];\n` +
      `if (${inner} === undefined && !(${index} in ${value})) continue;\n` +
      `${this.check(item, inner)}}\n`
    );
  }

  build(body: string): Guard {
    const parameters = this.references.map((_, i) => `r${i}`);
    // The source holds no text from outside: field names of the catalogue, quoted, and names it made.
    const factory = new Function(...parameters, `'use strict';\nreturn (u) => {\n${body}return true;\n};`);
    return factory(...this.references) as Guard;
  }
}

/**
 * `codec.is` as one straight function per codec. io-ts walks a codec tree through a call per
 * node, each site seeing every kind of codec; a replay checks a million events that way. The
 * compiled check reads each field by its name at a site of its own, which the engine can
 * optimise, and decides exactly as `codec.is` does (the compiled-guard properties hold it
 * to that). Where code cannot be compiled (a content security policy), it is `codec.is` itself.
 */
export const compileGuard = (codec: t.Mixed): Guard => {
  const source = new GuardSource();
  const body = source.check(codec, 'u');
  try {
    return source.build(body);
  } catch {
    return (u) => codec.is(u);
  }
};
