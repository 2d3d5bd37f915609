import { Alert, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { CaseloadList } from '@coachline/projections';
import { useQueryClient } from '@tanstack/react-query';
import * as E from 'fp-ts/Either';
import { useState } from 'react';
import { checkCommandData, sendCommand } from '../../api/commands';
import { refusalOf, showErrorsOnForm } from '../../app/form-refusal';
import { Page } from '../../app/page';
import { today } from '../../app/today';
import { ReadState } from './read-state';
import { REASSIGN_PROVIDER } from './supervisor-commands';
import { STAFF_KEY, useCoaches, useProviders } from './supervisor-reads';

type Outcome = { readonly kind: 'moved' | 'refused'; readonly text: string };

type ReassignValues = {
  providerId: string;
  toCoachId: string;
  on: string;
};

/** The fields a refusal may name; `fromCoachId` is the provider's coach as read, shown beside the provider. */
const REASSIGN_FIELDS: ReadonlySet<string> = new Set(['providerId', 'toCoachId', 'on']);

/** The provider's id travels in the path (`params.id`), their current coach with the provider chosen. */
const onForm = <F extends { readonly path: string }>(error: F): F => {
  if (error.path === 'params.id') return { ...error, path: 'data.providerId' };
  if (error.path.endsWith('.fromCoachId')) return { ...error, path: 'data.providerId' };
  return error;
};

const Caseloads = ({ caseload }: { readonly caseload: CaseloadList }) => (
  <Table.ScrollContainer minWidth={480}>
    <Table striped data-testid="caseloads">
      <Table.Caption>Every provider and their coach as of {caseload.on}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Provider</Table.Th>
          <Table.Th scope="col">Coach</Table.Th>
          <Table.Th scope="col">Community</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {caseload.providers.map((row) => (
          <Table.Tr key={row.providerId} data-provider={row.providerId}>
            <Table.Th scope="row">{row.providerId}</Table.Th>
            <Table.Td data-column="coach">{row.coachId ?? 'none'}</Table.Td>
            <Table.Td>{row.communityId}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  </Table.ScrollContainer>
);

/**
 * `/#/reassign`: move a provider to another coach's caseload. The data is checked with the
 * domain's `ReassignProvider` codec before it is sent; the API's refusal (the provider is
 * already that coach's, or the guide wants a verified coach) is shown beside the field it names,
 * and nothing is written.
 */
export const ReassignPage = () => {
  const providers = useProviders();
  const coaches = useCoaches();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome>();
  const form = useForm<ReassignValues>({
    mode: 'uncontrolled',
    initialValues: { providerId: '', toCoachId: '', on: today() },
  });
  const coachOf = new Map((providers.data?.providers ?? []).map((row) => [row.providerId, row.coachId]));
  const providerOptions = (providers.data?.providers ?? []).map((row) => ({
    value: row.providerId,
    label: `${row.providerId} (now ${row.coachId ?? 'no coach'})`,
  }));
  const coachOptions = (coaches.data?.coaches ?? []).map((coach) => ({
    value: coach.coachId,
    label: `${coach.name} (${coach.coachId})${coach.verified ? '' : ', not verified'}`,
  }));

  const submit = form.onSubmit(async (values) => {
    setOutcome(undefined);
    form.clearErrors();
    const fromCoachId = coachOf.get(values.providerId) ?? '';
    const data = { providerId: values.providerId, fromCoachId, toCoachId: values.toCoachId, on: values.on };
    const checked = checkCommandData(REASSIGN_PROVIDER, data);
    if (E.isLeft(checked)) {
      const errors = checked.left.errors.map(onForm);
      setOutcome({
        kind: 'refused',
        text: showErrorsOnForm(form, errors, 'Nothing was sent: correct the fields marked.', REASSIGN_FIELDS),
      });
      return;
    }
    try {
      const { providerId, ...body } = data;
      await sendCommand(REASSIGN_PROVIDER, providerId, body);
      setOutcome({
        kind: 'moved',
        text: `${providerId} moved from ${fromCoachId} to ${values.toCoachId} on ${values.on}.`,
      });
      await queryClient.invalidateQueries({ queryKey: STAFF_KEY });
    } catch (error) {
      const { message, errors } = refusalOf(error);
      setOutcome({
        kind: 'refused',
        text: showErrorsOnForm(form, errors.map(onForm), `Not moved: ${message}`, REASSIGN_FIELDS),
      });
    }
  });

  return (
    <Page title="Reassign a provider">
      <form onSubmit={submit} noValidate aria-label="Reassign a provider">
        <Stack gap="md" maw={560}>
          {outcome !== undefined && (
            <Alert
              color={outcome.kind === 'moved' ? 'green' : 'red'}
              role={outcome.kind === 'moved' ? 'status' : 'alert'}
              title={outcome.kind === 'moved' ? 'Provider reassigned' : 'Provider not reassigned'}
              // Mantine's green title on its light green falls below 4.5:1, even in its darkest shade; the text colour does not.
              styles={outcome.kind === 'moved' ? { title: { color: 'var(--mantine-color-text)' } } : {}}
            >
              {outcome.text}
            </Alert>
          )}
          <Select
            label="Provider"
            required
            searchable
            data={providerOptions}
            nothingFoundMessage="No provider has this id"
            key={form.key('providerId')}
            {...form.getInputProps('providerId')}
          />
          <Select
            label="New coach"
            required
            searchable
            data={coachOptions}
            nothingFoundMessage="No coach has this name or id"
            key={form.key('toCoachId')}
            {...form.getInputProps('toCoachId')}
          />
          <TextInput type="date" label="Reassigned on" required key={form.key('on')} {...form.getInputProps('on')} />
          <Group>
            <Button type="submit" loading={form.submitting}>
              Reassign
            </Button>
          </Group>
        </Stack>
      </form>
      <Title order={2}>Caseloads</Title>
      <ReadState query={providers} what="providers">
        {(answer) =>
          answer.providers.length === 0 ? <Text>No provider is enrolled yet.</Text> : <Caseloads caseload={answer} />
        }
      </ReadState>
    </Page>
  );
};
