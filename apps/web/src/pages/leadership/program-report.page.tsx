import { Group, Select, Table, Text, TextInput, Title } from '@mantine/core';
import type { LeadershipReport } from '@coachline/projections';
import { useState } from 'react';
import { Page } from '../../app/page';
import { QueryState } from '../../app/query-state';
import { today } from '../../app/today';
import { FigureRow, ReportHeadlineRows } from '../report-figure-rows';
import { StatusBadge } from '../status-badge';
import { useCommunities, useLeadershipReport } from './leadership-reads';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const days = (value: number | null) => (value === null ? '—' : `${value} days`);

/** The report's figures: counts and durations, as the API reduces it for leadership (rule 10). */
const ReportFigures = ({ report }: { readonly report: LeadershipReport }) => (
  <>
    <Table data-testid="report-figures">
      <Table.Caption>
        {report.communityId}, {report.month}, measured on {report.on}
      </Table.Caption>
      <Table.Tbody>
        <ReportHeadlineRows report={report} />
        <FigureRow label="Sessions recorded" value={report.totals.lag.sessions} />
        <FigureRow label="Median days to record a session" value={days(report.totals.lag.medianDays)} />
        <FigureRow label="90th percentile days to record" value={days(report.totals.lag.p90Days)} />
        <FigureRow
          label="Coaches at reflective consultation"
          value={`${report.reflectiveConsultation.attended} of ${report.reflectiveConsultation.coaches}`}
        />
      </Table.Tbody>
    </Table>
    <Title order={2} size="h4">
      The guide's community requirements
    </Title>
    {report.guide.length === 0 ? (
      <Text>The community's guide sets no community requirement.</Text>
    ) : (
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Caption>Trainings, meetings and focus groups the guide asks of the community</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Requirement</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Held</Table.Th>
              <Table.Th scope="col">Met on</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.guide.map((item) => (
              <Table.Tr key={item.requirementId}>
                <Table.Th scope="row">{item.title}</Table.Th>
                <Table.Td>
                  <StatusBadge status={item.status} />
                </Table.Td>
                <Table.Td>
                  {item.count === null ? '—' : `${item.count}${item.min === null ? '' : ` of at least ${item.min}`}`}
                </Table.Td>
                <Table.Td>{item.metOn ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    )}
  </>
);

/** `/#/program-report`: a community's month in counts and durations; no coach or provider is named. */
export const ProgramReportPage = () => {
  const communities = useCommunities();
  const [chosen, setChosen] = useState<string | null>(null);
  const [month, setMonth] = useState(today().slice(0, 7));
  const communityId = chosen ?? communities.data?.[0];
  const monthOk = MONTH.test(month);
  const report = useLeadershipReport(communityId, monthOk ? month : undefined);
  return (
    <Page title="Program report">
      <Group align="flex-end">
        <Select
          label="Community"
          data={communities.data ?? []}
          value={communityId ?? null}
          onChange={setChosen}
          allowDeselect={false}
          placeholder={communities.isPending ? 'Loading…' : 'No community yet'}
        />
        <TextInput
          label="Month"
          description="YYYY-MM"
          value={month}
          onChange={(event) => setMonth(event.currentTarget.value)}
          error={monthOk ? undefined : 'Give the month as YYYY-MM, such as 2025-10.'}
        />
      </Group>
      {communityId === undefined ? (
        <Text>{communities.isPending ? 'Loading the communities…' : 'No community has been registered yet.'}</Text>
      ) : monthOk ? (
        <QueryState query={report} what="program report">
          {(answer) => <ReportFigures report={answer} />}
        </QueryState>
      ) : null}
    </Page>
  );
};
