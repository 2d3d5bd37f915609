import { Alert, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, ApiRefusal } from '../../api/client';
import { errorsByField } from '../../api/field-errors';
import { Page } from '../../app/page';

/** One read as `GET /access-log` lists it: who read which view, when, and what they asked. */
interface ListedRead {
  readonly id: string;
  readonly at: string;
  readonly actor: { readonly id: string; readonly role: string };
  readonly view: string;
  readonly query: Readonly<Record<string, string>>;
}

interface AccessLogAnswer {
  readonly day?: string;
  readonly from?: string;
  readonly to?: string;
  readonly reads: ReadonlyArray<ListedRead>;
}

const FILTERS = ['from', 'to', 'reader', 'subject', 'view'] as const;
type Filter = (typeof FILTERS)[number];
const FILTER_FIELDS: ReadonlySet<string> = new Set<string>([...FILTERS, 'day']);

const LABELS: Readonly<Record<Filter, { label: string; description: string }>> = {
  from: { label: 'From day', description: 'YYYY-MM-DD; alone, that one day (default today)' },
  to: { label: 'To day', description: 'The last day of a span of at most a month' },
  reader: { label: 'Reader', description: 'Only reads by this person' },
  subject: { label: 'Subject', description: 'Only reads about this provider, community or stream' },
  view: { label: 'View', description: 'Only reads of this view, such as history or evaluation' },
};

/** The API's query: one day when only the first is given, a span when both are. */
const queryOf = (filters: ReadonlyMap<Filter, string>): string => {
  const query = new URLSearchParams();
  const from = filters.get('from') ?? '';
  const to = filters.get('to') ?? '';
  if (from !== '' && to === '') query.set('day', from);
  else {
    if (from !== '') query.set('from', from);
    if (to !== '') query.set('to', to);
  }
  for (const name of ['reader', 'subject', 'view'] as const) {
    const value = filters.get(name) ?? '';
    if (value !== '') query.set(name, value);
  }
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
};

const querySummary = (query: Readonly<Record<string, string>>): string =>
  Object.entries(query)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');

/** `/#/access-log`: who read the history, the evaluation and providers' observation records, and when. */
export const AccessLogPage = () => {
  const [params, setParams] = useSearchParams();
  const applied = new Map<Filter, string>(FILTERS.map((name) => [name, params.get(name) ?? '']));
  const [draft, setDraft] = useState<ReadonlyMap<Filter, string>>(applied);
  const path = `/access-log${queryOf(applied)}`;
  const listing = useQuery({ queryKey: ['access-log', path], queryFn: () => api<AccessLogAnswer>(path) });
  const refusal = listing.error instanceof ApiRefusal ? listing.error : undefined;
  const { byField, elsewhere } = errorsByField(refusal?.body.errors ?? [], FILTER_FIELDS, ['query']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(Object.fromEntries([...draft.entries()].filter(([, value]) => value.trim() !== '')));
  };
  return (
    <Page title="Access log">
      <form onSubmit={submit} noValidate aria-label="Filter the access log">
        <Group align="flex-start">
          {FILTERS.map((name) => (
            <TextInput
              key={name}
              label={LABELS[name].label}
              description={LABELS[name].description}
              value={draft.get(name) ?? ''}
              onChange={(event) => setDraft(new Map(draft).set(name, event.currentTarget.value))}
              error={byField.get(name) ?? (name === 'from' ? byField.get('day') : undefined)}
            />
          ))}
          <Button type="submit" mt={42}>
            List the reads
          </Button>
        </Group>
      </form>
      {listing.isPending ? (
        <Text role="status">Loading the access log…</Text>
      ) : listing.isError ? (
        <Alert color="red" role="alert" title="The access log could not be read">
          {listing.error.message}
          {elsewhere.map((error) => (
            <Text key={error.path} size="sm">
              {error.path}: {error.message}
            </Text>
          ))}
        </Alert>
      ) : listing.data.reads.length === 0 ? (
        <Text>No read matches.</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped data-testid="access-reads">
            <Table.Caption>
              {listing.data.reads.length} reads{' '}
              {listing.data.day !== undefined
                ? `on ${listing.data.day}`
                : `from ${listing.data.from ?? ''} to ${listing.data.to ?? ''}`}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">At</Table.Th>
                <Table.Th scope="col">Reader</Table.Th>
                <Table.Th scope="col">View</Table.Th>
                <Table.Th scope="col">Asked for</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {listing.data.reads.map((read) => (
                <Table.Tr key={read.id}>
                  <Table.Th scope="row">{read.at}</Table.Th>
                  <Table.Td>
                    {read.actor.id} ({read.actor.role})
                  </Table.Td>
                  <Table.Td>{read.view}</Table.Td>
                  <Table.Td>{querySummary(read.query)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Page>
  );
};
