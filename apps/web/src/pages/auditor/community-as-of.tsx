import { Table, Text, Title } from '@mantine/core';
import { QueryState } from '../../app/query-state';
import { monthOfMoment } from './as-of-paths';
import { useReportAsOf } from './as-of-reads';
import { ReportHeadlineRows } from '../report-figure-rows';

/**
 * A community's program report for the month of the slider's moment, as `GET /reports/program?asOf=`
 * answers: what the report said then, before any later record changed it.
 */
export const CommunityAsOf = ({ communityId, asOf }: { readonly communityId: string; readonly asOf: string }) => (
  <section aria-labelledby="report-as-of-heading">
    <Title order={2} id="report-as-of-heading" mb="sm">
      Program report for {monthOfMoment(asOf)} as the program knew it then
    </Title>
    <QueryState query={useReportAsOf(communityId, asOf)} what="program report as of that moment">
      {(report) => (
        <Table data-testid="report-as-of">
          <Table.Caption>
            {report.communityId}, {report.month}, as of {report.asOf}
          </Table.Caption>
          <Table.Tbody>
            <ReportHeadlineRows report={report} />
          </Table.Tbody>
        </Table>
      )}
    </QueryState>
    <Text size="sm" mt="xs">
      The report counts what was recorded by that moment; a correction recorded later shows only from its own moment.
    </Text>
  </section>
);
