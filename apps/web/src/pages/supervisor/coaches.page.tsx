import { Anchor, Table, Text } from '@mantine/core';
import type { ProgramReport } from '@coachline/projections';
import { Link, useSearchParams } from 'react-router';
import { Page } from '../../app/page';
import { today } from '../../app/today';
import { CommunityMonthSelects } from './community-month';
import { communitiesOf, lagText } from './supervisor-figures';
import { ReadState } from './read-state';
import { useCoaches, useProgramReport } from './supervisor-reads';

const ReportTable = ({ report, query }: { readonly report: ProgramReport; readonly query: string }) =>
  report.coaches.length === 0 ? (
    <Text>No coach has providers in {report.communityId} this month.</Text>
  ) : (
    <Table.ScrollContainer minWidth={720}>
      <Table striped>
        <Table.Caption>
          Each coach's caseload in {report.communityId}, {report.month}, as of {report.on}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Coach</Table.Th>
            <Table.Th scope="col">Providers</Table.Th>
            <Table.Th scope="col">Minutes this month</Table.Th>
            <Table.Th scope="col">Under target</Table.Th>
            <Table.Th scope="col">Overdue</Table.Th>
            <Table.Th scope="col">Recording lag (median / 90th percentile)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.coaches.map((coach) => (
            <Table.Tr key={coach.coachId} data-coach={coach.coachId}>
              <Table.Th scope="row">
                <Anchor component={Link} to={`/coaches/${encodeURIComponent(coach.coachId)}?${query}`}>
                  {coach.coachId}
                </Anchor>
              </Table.Th>
              <Table.Td data-column="providers">{coach.providers}</Table.Td>
              <Table.Td data-column="minutes">{coach.minutes}</Table.Td>
              <Table.Td data-column="under-target">{coach.underTarget}</Table.Td>
              <Table.Td data-column="overdue">{coach.overdueItems}</Table.Td>
              <Table.Td data-column="lag">{lagText(coach.lag)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr data-coach="all">
            <Table.Th scope="row">All coaches</Table.Th>
            <Table.Td>{report.dosage.providers}</Table.Td>
            <Table.Td>{report.totals.minutes}</Table.Td>
            <Table.Td>{report.totals.underTarget}</Table.Td>
            <Table.Td>{report.totals.overdueItems}</Table.Td>
            <Table.Td>{lagText(report.totals.lag)}</Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );

/**
 * `/#/coaches`: each coach's caseload for a community and month from the program report: how
 * many providers, the month's minutes, how many are under target, what is overdue and how long
 * sessions take to be recorded. A coach's row opens their providers and due items.
 */
export const CoachesPage = () => {
  const [params, setParams] = useSearchParams();
  const coaches = useCoaches();
  const communities = communitiesOf(coaches.data?.coaches ?? []);
  const communityId = params.get('communityId') ?? communities[0] ?? '';
  const month = params.get('month') ?? today().slice(0, 7);
  const report = useProgramReport(communityId, month);
  const choose = (next: { communityId?: string; month?: string }) =>
    setParams({ communityId: next.communityId ?? communityId, month: next.month ?? month }, { replace: true });
  const query = new URLSearchParams({ communityId, month }).toString();
  return (
    <Page title="Coaches">
      <ReadState query={coaches} what="coaches">
        {() => (
          <>
            <CommunityMonthSelects
              communities={communities}
              communityId={communityId}
              month={month}
              onCommunity={(value) => choose({ communityId: value })}
              onMonth={(value) => choose({ month: value })}
            />
            {communityId === '' ? (
              <Text>No coach is registered yet.</Text>
            ) : (
              <ReadState query={report} what="program report">
                {(answer) => <ReportTable report={answer} query={query} />}
              </ReadState>
            )}
          </>
        )}
      </ReadState>
    </Page>
  );
};
