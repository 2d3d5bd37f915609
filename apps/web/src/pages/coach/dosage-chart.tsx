import { BarChart } from '@mantine/charts';
import { Table, Text, VisuallyHidden } from '@mantine/core';
import type { TimelineView } from '@coachline/projections';
import { StatusBadge } from '../status-badge';

type Requirement = TimelineView['providers'][number]['requirements'][number];

/** A month's dosage as the timeline figures it: minutes counted against the guide's target. */
export interface MonthDosage {
  readonly month: string;
  readonly minutes: number;
  readonly targetMinutes: number;
  readonly status: string;
}

/** The guide's monthly dosage requirements, month by month; `met` is the requirement done. */
export const monthsOf = (requirements: ReadonlyArray<Requirement>): MonthDosage[] =>
  requirements
    .filter((requirement) => requirement.kind === 'monthly-dosage' && requirement.month !== null)
    .map((requirement) => ({
      month: requirement.month ?? '',
      minutes: requirement.minutes ?? 0,
      targetMinutes: requirement.targetMinutes ?? 0,
      status:
        requirement.status === 'done'
          ? 'met'
          : (requirement.minutes ?? 0) > 0
            ? 'partial'
            : requirement.status === 'upcoming'
              ? 'upcoming'
              : 'none',
    }));

/**
 * Dosage by month as bars against the target, and the same figures as a table: the chart is for
 * the eye, the table for a screen reader and for reading exact minutes.
 */
export const DosageChart = ({ months }: { readonly months: ReadonlyArray<MonthDosage> }) => {
  if (months.length === 0) return <Text>The provider's guide sets no monthly dosage.</Text>;
  const target = Math.max(...months.map((month) => month.targetMinutes));
  return (
    <>
      <div aria-hidden="true">
        <BarChart
          h={240}
          data={months.map((month) => ({ month: month.month, Minutes: month.minutes }))}
          dataKey="month"
          series={[{ name: 'Minutes', color: 'teal.8' }]}
          referenceLines={target > 0 ? [{ y: target, label: `Target ${target}`, color: 'red.8' }] : []}
          withTooltip={false}
          // Hidden from assistive technology (the table says the same), so nothing in it takes focus.
          barChartProps={{ accessibilityLayer: false }}
        />
      </div>
      <Table.ScrollContainer minWidth={400}>
        <Table data-testid="dosage-table">
          <Table.Caption>
            <VisuallyHidden>Coaching minutes each month against the target</VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Month</Table.Th>
              <Table.Th scope="col">Minutes</Table.Th>
              <Table.Th scope="col">Target</Table.Th>
              <Table.Th scope="col">Dosage</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {months.map((month) => (
              <Table.Tr key={month.month} data-month={month.month}>
                <Table.Th scope="row">{month.month}</Table.Th>
                <Table.Td>{month.minutes}</Table.Td>
                <Table.Td>{month.targetMinutes}</Table.Td>
                <Table.Td>
                  <StatusBadge status={month.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
};
