import type { FieldError } from '@coachline/domain';

/** Where a form's fields sit in a command: its data, as the domain's codec names it, or the request's body, as the API does. */
export const DATA_PREFIXES: ReadonlyArray<string> = ['data', 'body'];

/**
 * The form field a path names (`data.durationMinutes`, `body.practices.1`): the segment after the
 * longest prefix it starts with.
 */
export const fieldOfPath = (path: string, prefixes: ReadonlyArray<string> = DATA_PREFIXES): string | undefined => {
  const prefix = [...prefixes]
    .sort((a, b) => b.length - a.length)
    .find((candidate) => path.startsWith(`${candidate}.`));
  if (prefix === undefined) return undefined;
  return path.slice(prefix.length + 1).split('.')[0];
};

/**
 * Each field's first error, keyed by field name in a Map (a path is text from outside), and the
 * errors no field of the form shows, to be shown above it.
 */
export const errorsByField = (
  errors: ReadonlyArray<FieldError>,
  fields: ReadonlySet<string>,
  prefixes: ReadonlyArray<string> = DATA_PREFIXES,
): { readonly byField: ReadonlyMap<string, string>; readonly elsewhere: ReadonlyArray<FieldError> } => {
  const byField = new Map<string, string>();
  const elsewhere: FieldError[] = [];
  for (const error of errors) {
    const field = fieldOfPath(error.path, prefixes);
    if (field !== undefined && fields.has(field)) {
      if (!byField.has(field)) byField.set(field, error.message);
    } else elsewhere.push(error);
  }
  return { byField, elsewhere };
};
