import type { DomainError } from '@coachline/domain';
import type { UseFormReturnType } from '@mantine/form';
import * as E from 'fp-ts/Either';
import { checkCommandData, type CommandRoute, sendCommand } from '../../api/commands';
import { refusalOf, showErrorsOnForm } from '../../app/form-refusal';

export type Outcome = { readonly kind: 'recorded' | 'refused'; readonly text: string };

/** The provider's id travels in the path, where the API names it `params.id`. */
const providerInPath = <F extends { readonly path: string }>(error: F): F =>
  error.path === 'params.id' ? { ...error, path: 'data.providerId' } : error;

/**
 * Checks a command's data with the domain's codec, then sends it to the provider's stream; a
 * refusal, the domain's or the API's, is shown beside the fields it names.
 */
export const sendObserverCommand = async <V extends Record<string, unknown>>(
  form: UseFormReturnType<V>,
  route: CommandRoute,
  data: { readonly providerId: string } & Record<string, unknown>,
  fields: ReadonlySet<string>,
  recorded: string,
): Promise<Outcome> => {
  form.clearErrors();
  const checked: E.Either<DomainError, unknown> = checkCommandData(route, data);
  if (E.isLeft(checked))
    return {
      kind: 'refused',
      text: showErrorsOnForm(form, checked.left.errors, 'Nothing was sent: correct the fields marked.', fields),
    };
  try {
    const { providerId, ...body } = data;
    await sendCommand(route, providerId, body);
    return { kind: 'recorded', text: recorded };
  } catch (error) {
    const { message, errors } = refusalOf(error);
    return {
      kind: 'refused',
      text: showErrorsOnForm(form, errors.map(providerInPath), `Not recorded: ${message}`, fields),
    };
  }
};
