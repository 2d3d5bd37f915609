import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** The parts of an OpenAPI 3.1 document the checks read. */
export interface Document {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components: {
    readonly schemas: Readonly<Record<string, unknown>>;
    readonly securitySchemes?: Readonly<Record<string, unknown>>;
  };
  readonly security?: ReadonlyArray<Readonly<Record<string, unknown>>>;
}

export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema: Schema;
}

export interface Response {
  readonly description: string;
  readonly headers?: Readonly<Record<string, { readonly schema: Schema }>>;
  readonly content?: Readonly<Record<string, { readonly schema: Schema }>>;
}

export interface Operation {
  readonly operationId: string;
  readonly parameters?: ReadonlyArray<Parameter>;
  readonly requestBody?: { readonly content: Readonly<Record<string, { readonly schema: Schema }>> };
  readonly responses: Readonly<Record<string, Response>>;
  readonly security?: ReadonlyArray<unknown>;
}

export type Schema = { readonly [keyword: string]: unknown };

const COMPONENT = /^#\/components\/schemas\/([^/]+)$/;

/** The schema with each `#/components/schemas/X` replaced by X itself, so it stands alone. */
export const inlined = (schema: unknown, document: Document): unknown => {
  if (Array.isArray(schema)) return schema.map((inner) => inlined(inner, document));
  if (typeof schema !== 'object' || schema === null) return schema;
  const reference = (schema as Schema)['$ref'];
  if (typeof reference === 'string') {
    const name = COMPONENT.exec(reference)?.[1];
    if (name === undefined || !Object.hasOwn(document.components.schemas, name))
      throw new Error(`The reference ${reference} leads nowhere.`);
    return inlined(document.components.schemas[name], document);
  }
  return Object.fromEntries(Object.entries(schema).map(([key, inner]) => [key, inlined(inner, document)]));
};

/** A JSON Schema validator of the OpenAPI 3.1 dialect (2020-12), strict: a keyword it does not know is an error. */
export const newAjv = (strict = true): Ajv2020 => {
  const ajv = new Ajv2020({ strict, strictTypes: false, allErrors: true, validateFormats: true });
  (addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
  return ajv;
};

/** Compiles each schema once, references inlined. */
export const schemaChecker = (document: Document) => {
  const ajv = newAjv();
  const compiled = new Map<Schema, ValidateFunction>();
  const compile = (schema: Schema): ValidateFunction => {
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile(inlined(schema, document) as Schema);
      compiled.set(schema, validate);
    }
    return validate;
  };
  return {
    compile,
    /** Why `value` does not fit `schema`, or nothing when it does. */
    problems: (schema: Schema, value: unknown): string | undefined => {
      const validate = compile(schema);
      return validate(value) ? undefined : ajv.errorsText(validate.errors, { separator: '; ' });
    },
  };
};

/** Every operation of the document with its method and path. */
export const operationsOf = (document: Document): Array<{ method: string; path: string; operation: Operation }> =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  );
