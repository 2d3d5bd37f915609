import { ID_RULE, isId } from '@coachline/domain';
import type { UseFormReturnType } from '@mantine/form';
import { ApiRefusal } from '../../api/client';
import { errorsByField } from '../../api/field-errors';

/** What the API asks of a new password; it refuses a shorter one at `body.password` all the same. */
export const PASSWORD_MIN_LENGTH = 12;

export const accountIdError = (value: string): string | null => (isId(value) ? null : `Enter ${ID_RULE}.`);

export const newPasswordError = (value: string): string | null =>
  value.length >= PASSWORD_MIN_LENGTH ? null : `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters.`;

export const repeatedPasswordError = (value: string, values: { readonly password: string }): string | null =>
  value === values.password ? null : 'The two passwords differ.';

/**
 * Puts each of the API's field errors beside its field and answers the sentence to show above
 * the form (the refusal's own, when no field carries it).
 */
export const showRefusal = <V extends Record<string, unknown>>(form: UseFormReturnType<V>, error: unknown): string => {
  if (!(error instanceof ApiRefusal)) return error instanceof Error ? error.message : String(error);
  const { byField, elsewhere } = errorsByField(error.body.errors, new Set(Object.keys(form.getValues())));
  for (const [field, message] of byField) form.setFieldError(field, message);
  return byField.size > 0 && elsewhere.length === 0 ? 'Correct the fields marked below.' : error.body.message;
};
