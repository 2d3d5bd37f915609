import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { Page } from '../../app/page';
import { QueryState } from '../../app/query-state';
import { StatusBadge } from '../status-badge';
import { useCaseload } from './coach-reads';

/** `/#/caseload`: each provider of the coach's caseload, this month's dosage and what is due next. */
export const CaseloadPage = () => {
  const caseload = useCaseload();
  return (
    <Page title="My caseload">
      <QueryState query={caseload} what="caseload">
        {({ on, providers }) =>
          providers.length === 0 ? (
            <Text>No provider is on your caseload yet.</Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped>
                <Table.Caption>Providers as of {on}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Provider</Table.Th>
                    <Table.Th scope="col">Site</Table.Th>
                    <Table.Th scope="col">This month</Table.Th>
                    <Table.Th scope="col">Dosage</Table.Th>
                    <Table.Th scope="col">Next due</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {providers.map((row) => (
                    <Table.Tr key={row.providerId} data-provider={row.providerId}>
                      <Table.Th scope="row">
                        <Anchor component={Link} to={`/providers/${encodeURIComponent(row.providerId)}`}>
                          {row.providerId}
                        </Anchor>
                      </Table.Th>
                      <Table.Td>
                        {row.siteId} ({row.setting})
                      </Table.Td>
                      <Table.Td>
                        {row.thisMonth === null
                          ? 'not enrolled this month'
                          : `${row.thisMonth.minutes} of ${row.thisMonth.targetMinutes ?? 'no'} minutes`}
                      </Table.Td>
                      <Table.Td>
                        {row.thisMonth === null ? '—' : <StatusBadge status={row.thisMonth.status} />}
                      </Table.Td>
                      <Table.Td>
                        {row.next === null ? (
                          'nothing'
                        ) : (
                          <>
                            {row.next.title} <StatusBadge status={row.next.status} /> by {row.next.windowTo}
                          </>
                        )}
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
