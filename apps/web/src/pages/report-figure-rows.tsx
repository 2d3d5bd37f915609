import { Table } from '@mantine/core';

/** One figure of a report: its name as the row's header, its value beside it. */
export const FigureRow = ({ label, value }: { readonly label: string; readonly value: string | number }) => (
  <Table.Tr>
    <Table.Th scope="row">{label}</Table.Th>
    <Table.Td>{value}</Table.Td>
  </Table.Tr>
);

/** What every form of the program report states first, whoever reads it: counts, never names. */
export interface ReportHeadline {
  readonly dosage: {
    readonly providers: number;
    readonly meeting: number;
    readonly partlyMeeting: number;
    readonly missing: number;
  };
  readonly totals: {
    readonly coaches: number;
    readonly minutes: number;
    readonly cyclesCompleted: number;
    readonly overdueItems: number;
  };
}

/** The report's headline figures as rows of a table, in the one order every page shows them. */
export const ReportHeadlineRows = ({ report }: { readonly report: ReportHeadline }) => (
  <>
    <FigureRow label="Providers enrolled in the month" value={report.dosage.providers} />
    <FigureRow label="Meeting the monthly dosage" value={report.dosage.meeting} />
    <FigureRow label="Partly meeting it" value={report.dosage.partlyMeeting} />
    <FigureRow label="With no coaching minutes" value={report.dosage.missing} />
    <FigureRow label="Coaches" value={report.totals.coaches} />
    <FigureRow label="Coaching minutes" value={report.totals.minutes} />
    <FigureRow label="Coaching cycles completed" value={report.totals.cyclesCompleted} />
    <FigureRow label="Requirements overdue" value={report.totals.overdueItems} />
  </>
);
