import { Code, Table, Text } from '@mantine/core';
import type { HistoryEntry } from './stream-history';

/** Every event of the stream recorded by the moment read, oldest first, with who recorded it. */
export const HistoryEvents = ({ events }: { readonly events: ReadonlyArray<HistoryEntry> }) =>
  events.length === 0 ? (
    <Text>Nothing of this stream was recorded by that moment.</Text>
  ) : (
    <Table.ScrollContainer minWidth={900}>
      <Table striped data-testid="history-events">
        <Table.Caption>{events.length} events recorded by the moment read</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Position</Table.Th>
            <Table.Th scope="col">Revision</Table.Th>
            <Table.Th scope="col">Recorded at</Table.Th>
            <Table.Th scope="col">Type</Table.Th>
            <Table.Th scope="col">By</Table.Th>
            <Table.Th scope="col">Data</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id} data-event={event.id}>
              <Table.Th scope="row">{event.position ?? '—'}</Table.Th>
              <Table.Td>{event.revision ?? '—'}</Table.Td>
              <Table.Td>{event.recordedAt}</Table.Td>
              <Table.Td>{event.type}</Table.Td>
              <Table.Td>
                {event.actor.id} ({event.actor.role})
              </Table.Td>
              <Table.Td>
                <Code block fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                  {JSON.stringify(event.data)}
                </Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
