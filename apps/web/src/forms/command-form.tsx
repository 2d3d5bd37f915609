import { decodeWith, type FieldError } from '@coachline/domain';
import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import * as E from 'fp-ts/Either';
import { type FormEvent, useMemo, useState } from 'react';
import { api } from '../api/client';
import type { CommandAccepted } from '../api/commands';
import { refusalOf } from '../app/form-refusal';
import { commandAddress, type DocumentedCommand } from './command-routes';
import { FieldInput } from './field-input';
import { fieldTreeOf } from './field-tree';
import { dataOf, emptyValue, type FormValue, pathsOf, prefilled } from './form-values';

type Outcome =
  | { readonly kind: 'recorded'; readonly accepted: CommandAccepted }
  | { readonly kind: 'refused'; readonly message: string; readonly elsewhere: ReadonlyArray<FieldError> };

/**
 * A path of the API's refusal as the form names it: the body is the command's data, and the
 * path's id is the command's stream id field.
 */
export const formPathOf = (path: string, streamIdField: string): string => {
  if (path === 'params.id') return `data.${streamIdField}`;
  if (path === 'body') return 'data';
  if (path.startsWith('body.')) return `data.${path.slice('body.'.length)}`;
  return path;
};

/** Each error beside the field it names (the first per field), and the errors no field shows. */
export const placeErrors = (
  errors: ReadonlyArray<FieldError>,
  shown: ReadonlySet<string>,
): { readonly byPath: ReadonlyMap<string, string>; readonly elsewhere: ReadonlyArray<FieldError> } => {
  const byPath = new Map<string, string>();
  const elsewhere: FieldError[] = [];
  for (const error of errors) {
    if (shown.has(error.path) && error.path !== 'data') {
      if (!byPath.has(error.path)) byPath.set(error.path, error.message);
    } else elsewhere.push(error);
  }
  return { byPath, elsewhere };
};

export interface CommandFormProps {
  readonly command: DocumentedCommand;
  /** Values the page already knows, by top-level field name (`providerId` from `?providerId=`). */
  readonly known: ReadonlyMap<string, string>;
}

/**
 * The form of one command, generated from its data codec. The data is checked with that codec
 * before anything is sent, and each wrong field named beside its input; the API's refusal is
 * placed the same way, and what was recorded is shown once it is accepted.
 */
export const CommandForm = ({ command, known }: CommandFormProps) => {
  const { definition, path } = command;
  const tree = useMemo(() => fieldTreeOf(definition.data), [definition]);
  const initial = useMemo(() => prefilled(tree, emptyValue(tree), known), [tree, known]);
  const [values, setValues] = useState<FormValue>(initial);
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [outcome, setOutcome] = useState<Outcome>();
  const [sending, setSending] = useState(false);
  const queryClient = useQueryClient();

  const refuse = (message: string, found: ReadonlyArray<FieldError>) => {
    const { byPath, elsewhere } = placeErrors(found, new Set(pathsOf(tree, values, 'data')));
    setErrors(byPath);
    setOutcome({ kind: 'refused', message, elsewhere });
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setOutcome(undefined);
    setErrors(new Map());
    const data = dataOf(tree, values);
    const checked = decodeWith(definition.data, `${definition.type}'s data`, 'data')(data);
    if (E.isLeft(checked)) {
      refuse('Nothing was sent: correct the fields marked.', checked.left.errors);
      return;
    }
    const streamId = String((data as Readonly<Record<string, unknown>>)[definition.streamIdField]);
    setSending(true);
    try {
      const accepted = await api<CommandAccepted>(commandAddress(path, streamId), {
        method: 'POST',
        body: data,
        headers: { 'Idempotency-Key': `web-${crypto.randomUUID()}` },
      });
      setOutcome({ kind: 'recorded', accepted });
      await queryClient.invalidateQueries();
    } catch (error) {
      const refusal = refusalOf(error);
      refuse(
        `Not recorded: ${refusal.message}`,
        refusal.errors.map((found) => ({ ...found, path: formPathOf(found.path, definition.streamIdField) })),
      );
    } finally {
      setSending(false);
    }
  };

  if (outcome?.kind === 'recorded')
    return (
      <Stack gap="md" maw={760}>
        <Alert color="green" role="status" title="Recorded">
          <Text>
            Stream {outcome.accepted.stream}, now at revision {outcome.accepted.revision}.
          </Text>
          <List aria-label="Events recorded">
            {outcome.accepted.events.map((recorded) => (
              <List.Item key={recorded.id}>
                {recorded.type} (revision {recorded.revision})
              </List.Item>
            ))}
          </List>
        </Alert>
        <Group>
          <Button
            onClick={() => {
              setValues(initial);
              setOutcome(undefined);
            }}
          >
            Record another
          </Button>
        </Group>
      </Stack>
    );

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={definition.type}>
      <Stack gap="md" maw={760}>
        {outcome?.kind === 'refused' && (
          <Alert color="red" role="alert" title="Not recorded">
            <Text>{outcome.message}</Text>
            {outcome.elsewhere.length > 0 && (
              <List>
                {outcome.elsewhere.map((error, index) => (
                  <List.Item key={index}>
                    {error.path === '' ? error.message : `${error.path}: ${error.message}`}
                  </List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        <FieldInput node={tree} value={values} onChange={setValues} path="data" errors={errors} />
        <Group>
          <Button type="submit" loading={sending}>
            Record
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
