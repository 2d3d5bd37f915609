import { Anchor, Table, Text } from '@mantine/core';
import type { DueRow } from '@coachline/projections';
import { Link } from 'react-router';
import { Page } from '../../app/page';
import { QueryState } from '../../app/query-state';
import { StatusBadge } from '../status-badge';
import { useDue } from './coach-reads';

const urgency = (row: DueRow): string => {
  if (row.days === null) return '';
  if (row.status === 'overdue') return `${row.days} days overdue`;
  if (row.status === 'due') return row.days === 0 ? 'last day' : `${row.days} days left`;
  if (row.status === 'upcoming') return `opens in ${row.days} days`;
  return '';
};

/** `/#/due`: the requirements still to meet across the caseload, most urgent first. */
export const DuePage = () => {
  const due = useDue();
  return (
    <Page title="Due">
      <QueryState query={due} what="due list">
        {({ on, rows }) =>
          rows.length === 0 ? (
            <Text>Nothing is due.</Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped>
                <Table.Caption>Requirements still to meet, most urgent first, as of {on}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Provider</Table.Th>
                    <Table.Th scope="col">Requirement</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col">Window</Table.Th>
                    <Table.Th scope="col">When</Table.Th>
                    <Table.Th scope="col">Minutes</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={`${row.providerId} ${row.requirementId}`}>
                      <Table.Td>
                        <Anchor component={Link} to={`/providers/${encodeURIComponent(row.providerId)}`}>
                          {row.providerId}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{row.title}</Table.Td>
                      <Table.Td>
                        <StatusBadge status={row.status} />
                      </Table.Td>
                      <Table.Td>
                        {row.windowFrom} to {row.windowTo}
                      </Table.Td>
                      <Table.Td>{urgency(row)}</Table.Td>
                      <Table.Td>
                        {row.minutes === null ? '' : `${row.minutes} of ${row.targetMinutes ?? 'no'}`}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Page>
  );
};
