import { BarChart } from '@mantine/charts';
import { Table, Text, Title } from '@mantine/core';
import type { MonthMinutes, PracticeCount } from './share-figures';

/**
 * Minutes of coaching each month as bars, and the same figures as a table: the chart is for the
 * eye, the table for a screen reader and for reading exact numbers.
 */
export const MinutesByMonthChart = ({ months }: { readonly months: ReadonlyArray<MonthMinutes> }) => (
  <section aria-labelledby="minutes-heading">
    <Title order={2} id="minutes-heading" mb="sm">
      Coaching minutes per month
    </Title>
    {months.length === 0 ? (
      <Text>No coaching visit has been shared yet.</Text>
    ) : (
      <>
        <div aria-hidden="true" inert>
          <BarChart
            h={260}
            data={months.map(({ month, minutes }) => ({ month, Minutes: minutes }))}
            dataKey="month"
            series={[{ name: 'Minutes', color: 'teal.8' }]}
            withTooltip={false}
          />
        </div>
        <Table data-testid="minutes-table">
          <Table.Caption>Minutes and visits each month, over every provider coached</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Month</Table.Th>
              <Table.Th scope="col">Minutes</Table.Th>
              <Table.Th scope="col">Visits</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {months.map((month) => (
              <Table.Tr key={month.month} data-month={month.month}>
                <Table.Th scope="row">{month.month}</Table.Th>
                <Table.Td>{month.minutes}</Table.Td>
                <Table.Td>{month.visits}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </>
    )}
  </section>
);

/** Practices named by agreements' practice lists and goals, most often first. */
export const PracticesChart = ({ practices }: { readonly practices: ReadonlyArray<PracticeCount> }) => (
  <section aria-labelledby="practices-heading">
    <Title order={2} id="practices-heading" mb="sm">
      Practices in focus
    </Title>
    {practices.length === 0 ? (
      <Text>No practice list or goal has been shared yet.</Text>
    ) : (
      <>
        <div aria-hidden="true" inert>
          <BarChart
            h={Math.max(120, practices.length * 40)}
            data={practices.map(({ practice, count }) => ({ practice, Count: count }))}
            dataKey="practice"
            orientation="vertical"
            yAxisProps={{ width: 180 }}
            series={[{ name: 'Count', color: 'indigo.7' }]}
            withTooltip={false}
          />
        </div>
        <Table data-testid="practices-table">
          <Table.Caption>How many practice lists and goals name each practice</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Practice</Table.Th>
              <Table.Th scope="col">Practice lists and goals</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {practices.map((practice) => (
              <Table.Tr key={practice.practice}>
                <Table.Th scope="row">{practice.practice}</Table.Th>
                <Table.Td>{practice.count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </>
    )}
  </section>
);
