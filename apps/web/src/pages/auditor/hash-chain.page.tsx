import { Button, Code, CopyButton, Group, List, Paper, Table, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { Page } from '../../app/page';
import { QueryState } from '../../app/query-state';
import { useIntegrity, useLatestCheckpoint } from './as-of-reads';
import { signingKeysOf } from './checkpoint-key';
import { revisionRun } from './revision-run';
import { useStreamHistory } from './stream-history';
import { StreamPicker } from './stream-picker';

/** The store's chain state as the API reads it now: the head to note, and where it stands. */
const ChainHead = () => (
  <section aria-labelledby="head-heading">
    <Title order={2} id="head-heading" mb="sm">
      The store's head
    </Title>
    <QueryState query={useIntegrity()} what="chain state">
      {({ position, head, events }) =>
        head === null ? (
          <Paper withBorder p="md" data-testid="chain-head">
            <Text>
              {events === 0
                ? 'The store holds no event yet: there is no head to note.'
                : `The store holds ${events} events and keeps no hash chain (EventStoreDB): coachline verify has nothing to check.`}
            </Text>
          </Paper>
        ) : (
          <Paper withBorder p="md" data-testid="chain-head">
            <Text>
              Position <strong data-testid="head-position">{position}</strong> of {events} events. The chain hash of the
              event there:
            </Text>
            <Group gap="xs" wrap="nowrap" mt="xs">
              <Code data-testid="head-hash" style={{ overflowWrap: 'anywhere' }}>
                {head}
              </Code>
              <CopyButton value={head}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="default" onClick={copy} aria-live="polite">
                    {copied ? 'Copied' : 'Copy the head'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="sm" mt="xs">
              Note it outside the store, with the day: a later{' '}
              <Code>coachline verify --store &lt;store&gt; --head &lt;head&gt;</Code> proves the history still passes
              through it, unchanged.
            </Text>
          </Paper>
        )
      }
    </QueryState>
  </section>
);

/** The largest tree the store signed: what an auditor notes to show later the history only grew. */
const LatestCheckpoint = () => (
  <section aria-labelledby="checkpoint-heading">
    <Title order={2} id="checkpoint-heading" mb="sm">
      The latest signed checkpoint
    </Title>
    <QueryState query={useLatestCheckpoint()} what="signed checkpoint">
      {({ latest, keys }) =>
        latest === null ? (
          <Paper withBorder p="md" data-testid="latest-checkpoint">
            <Text>
              No checkpoint was signed yet. The API signs one as the store grows, and whenever an inclusion proof is
              asked for an event no checkpoint covers.
            </Text>
          </Paper>
        ) : (
          <Paper withBorder p="md" data-testid="latest-checkpoint">
            <Table variant="vertical" layout="fixed" withTableBorder={false}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={120}>Size</Table.Th>
                  <Table.Td data-testid="checkpoint-size">{latest.size} events</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Root</Table.Th>
                  <Table.Td>
                    <Code data-testid="checkpoint-root" style={{ overflowWrap: 'anywhere' }}>
                      {latest.root}
                    </Code>
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Signed at</Table.Th>
                  <Table.Td data-testid="checkpoint-signed-at">{latest.signedAt}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Key</Table.Th>
                  <Table.Td>
                    {signingKeysOf(latest.note, keys).map((key) => (
                      <Code key={key} data-testid="checkpoint-key" style={{ overflowWrap: 'anywhere' }}>
                        {key}
                      </Code>
                    ))}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <Group gap="xs" mt="xs">
              <CopyButton value={latest.note}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="default" onClick={copy} aria-live="polite">
                    {copied ? 'Copied' : 'Copy the signed note'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="sm" mt="xs">
              Keep the note and the key apart from the store. Any later checkpoint must extend this tree, as{' '}
              <Code>GET /checkpoints/consistency?from={latest.size}&amp;to=…</Code> proves; an event's inclusion proof,{' '}
              <Code>GET /events/&lt;id&gt;/proof</Code>, shows it is in a signed tree.
            </Text>
          </Paper>
        )
      }
    </QueryState>
  </section>
);

/** What `coachline verify` proves, which no read of the API can: the API sends the head, not every event's hashes. */
const VerifyExplained = () => (
  <section aria-labelledby="verify-heading">
    <Title order={2} id="verify-heading" mb="sm">
      What the hash chain proves
    </Title>
    <Text mb="xs">
      Every event the store writes carries two hashes. Its <strong>hash</strong> covers the previous event of the same
      stream's hash and the event's own content (id, stream, revision, type, schema version, data and metadata); its{' '}
      <strong>chain</strong> covers the previous event's chain in the store's order and this event's hash. The last
      event's chain is the store's <strong>head</strong>: one number standing for the whole history up to it.
    </Text>
    <Text mb="xs">
      The API answers the head the store holds; it does not recompute it. Recompute it where the store is:
    </Text>
    <List spacing="xs">
      <List.Item>
        <Code>npx coachline verify --store &lt;store&gt;</Code> recomputes both hashes of every event in order and names
        the first event altered, removed or reordered; the head it prints must be the one shown above (or a later one,
        once more events are written).
      </List.Item>
      <List.Item>
        <Code>npx coachline verify --events export.jsonl --head &lt;head&gt;</Code> checks an export's chain, and that
        the history still passes through a head noted earlier.
      </List.Item>
    </List>
    <Text mt="xs" size="sm">
      The auditing guide's section 6 (docs/auditing.md) walks through both, with an altered and a reordered event.
    </Text>
  </section>
);

/**
 * `/#/hash-chain`: the integrity check as far as the web can show it. The store's head is shown to
 * be noted, and the order the history itself states (each stream's revisions without a gap) is
 * checked here; the hashes are recomputed only by `coachline verify`.
 */
export const HashChainPage = () => {
  const [params, setParams] = useSearchParams();
  const stream = params.get('stream') ?? undefined;
  const history = useStreamHistory(stream);
  return (
    <Page title="Hash chain">
      <ChainHead />
      <LatestCheckpoint />
      <VerifyExplained />
      <section aria-labelledby="stream-order-heading">
        <Title order={2} id="stream-order-heading" mb="sm">
          A stream's order
        </Title>
        <StreamPicker key={stream ?? ''} stream={stream} onPick={(picked) => setParams({ stream: picked })} />
        {stream !== undefined && (
          <QueryState query={history} what={`history of ${stream}`}>
            {({ events }) => {
              const run = revisionRun(events);
              return (
                <>
                  {run.firstBreak === null ? (
                    <Paper withBorder p="md" mt="md" data-testid="stream-order">
                      <Text fw={700}>Revisions without a gap</Text>
                      <Text>
                        {stream}'s {run.events} events run from revision 0 to {run.events - 1}, each later in the
                        store's order than the one before.
                      </Text>
                    </Paper>
                  ) : (
                    <Paper withBorder p="md" mt="md" role="alert" data-testid="stream-order">
                      <Text fw={700}>The stream's order breaks</Text>
                      <Text>
                        Event {run.firstBreak.eventId} has revision {run.firstBreak.found ?? 'none'} where{' '}
                        {run.firstBreak.expected} was due: run <Code>coachline verify</Code> on the store.
                      </Text>
                    </Paper>
                  )}
                  <Table.ScrollContainer minWidth={640} mt="md">
                    <Table striped>
                      <Table.Caption>The stream's events in the order the store keeps them</Table.Caption>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">Revision</Table.Th>
                          <Table.Th scope="col">Position</Table.Th>
                          <Table.Th scope="col">Event id</Table.Th>
                          <Table.Th scope="col">Type</Table.Th>
                          <Table.Th scope="col">Recorded at</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {events.map((event) => (
                          <Table.Tr key={event.id}>
                            <Table.Th scope="row">{event.revision ?? '—'}</Table.Th>
                            <Table.Td>{event.position ?? '—'}</Table.Td>
                            <Table.Td>{event.id}</Table.Td>
                            <Table.Td>{event.type}</Table.Td>
                            <Table.Td>{event.recordedAt}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                </>
              );
            }}
          </QueryState>
        )}
      </section>
    </Page>
  );
};
