import { Anchor, Table, Text, Title } from '@mantine/core';
import type { CaseloadList, DueList } from '@coachline/projections';
import { Link, useParams, useSearchParams } from 'react-router';
import { Page } from '../../app/page';
import { StatusBadge } from '../status-badge';
import { ReadState } from './read-state';
import { useCoachDue, useProviders } from './supervisor-reads';

const ProvidersTable = ({ caseload, coachId }: { readonly caseload: CaseloadList; readonly coachId: string }) =>
  caseload.providers.length === 0 ? (
    <Text>No provider is on {coachId}'s caseload.</Text>
  ) : (
    <Table.ScrollContainer minWidth={640}>
      <Table striped data-testid="coach-providers">
        <Table.Caption>
          Providers on {coachId}'s caseload as of {caseload.on}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Provider</Table.Th>
            <Table.Th scope="col">Community</Table.Th>
            <Table.Th scope="col">This month</Table.Th>
            <Table.Th scope="col">Dosage</Table.Th>
            <Table.Th scope="col">Next due</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {caseload.providers.map((row) => (
            <Table.Tr key={row.providerId} data-provider={row.providerId}>
              <Table.Th scope="row">{row.providerId}</Table.Th>
              <Table.Td>{row.communityId}</Table.Td>
              <Table.Td>
                {row.thisMonth === null
                  ? 'not enrolled this month'
                  : `${row.thisMonth.minutes} of ${row.thisMonth.targetMinutes ?? 'no'} minutes`}
              </Table.Td>
              <Table.Td>{row.thisMonth === null ? '—' : <StatusBadge status={row.thisMonth.status} />}</Table.Td>
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
  );

const DueTable = ({ due, coachId }: { readonly due: DueList; readonly coachId: string }) =>
  due.rows.length === 0 ? (
    <Text>Nothing of {coachId}'s caseload is due or overdue.</Text>
  ) : (
    <Table.ScrollContainer minWidth={640}>
      <Table striped data-testid="coach-due">
        <Table.Caption>
          What {coachId}'s providers still need, most urgent first, as of {due.on}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Provider</Table.Th>
            <Table.Th scope="col">Requirement</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Window</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {due.rows.map((row) => (
            <Table.Tr key={`${row.providerId} ${row.requirementId}`} data-status={row.status}>
              <Table.Th scope="row">{row.providerId}</Table.Th>
              <Table.Td>{row.title}</Table.Td>
              <Table.Td>
                <StatusBadge status={row.status} />
              </Table.Td>
              <Table.Td>
                {row.windowFrom} to {row.windowTo}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );

/** `/#/coaches/:coachId`: one coach's providers and what is due for them, opened from the coaches' report. */
export const CoachCaseloadPage = () => {
  const { coachId = '' } = useParams();
  const [params] = useSearchParams();
  const providers = useProviders(coachId);
  const due = useCoachDue(coachId);
  return (
    <Page title={`Caseload of ${coachId}`}>
      <Anchor component={Link} to={`/coaches?${params.toString()}`}>
        Back to the coaches
      </Anchor>
      <Title order={2}>Providers</Title>
      <ReadState query={providers} what="providers">
        {(answer) => <ProvidersTable caseload={answer} coachId={coachId} />}
      </ReadState>
      <Title order={2}>Due and overdue</Title>
      <ReadState query={due} what="due list">
        {(answer) => <DueTable due={answer} coachId={coachId} />}
      </ReadState>
    </Page>
  );
};
