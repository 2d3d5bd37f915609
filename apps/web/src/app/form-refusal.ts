import type { FieldError } from '@coachline/domain';
import type { UseFormReturnType } from '@mantine/form';
import { ApiRefusal } from '../api/client';
import { DATA_PREFIXES, errorsByField } from '../api/field-errors';

/**
 * Shows a refusal on a form: each error whose path names one of `fields` beside that field, and
 * answers the sentence to show above the form (with the errors no field shows).
 */
export const showErrorsOnForm = <V extends Record<string, unknown>>(
  form: UseFormReturnType<V>,
  errors: ReadonlyArray<FieldError>,
  message: string,
  fields: ReadonlySet<string>,
  prefixes: ReadonlyArray<string> = DATA_PREFIXES,
): string => {
  const { byField, elsewhere } = errorsByField(errors, fields, prefixes);
  form.clearErrors();
  for (const [field, fieldMessage] of byField) form.setFieldError(field, fieldMessage);
  if (elsewhere.length === 0 && byField.size > 0) return message;
  return [message, ...elsewhere.map((error) => `${error.path}: ${error.message}`)].join(' ');
};

/** A thrown error as a refusal's parts: the API's own, or the sentence of anything else. */
export const refusalOf = (error: unknown): { readonly message: string; readonly errors: ReadonlyArray<FieldError> } =>
  error instanceof ApiRefusal
    ? { message: error.body.message, errors: error.body.errors }
    : { message: error instanceof Error ? error.message : String(error), errors: [] };
