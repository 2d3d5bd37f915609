import { BarChart, LineChart } from '@mantine/charts';
import { Table, Text, VisuallyHidden } from '@mantine/core';
import type { TeamsView } from '@coachline/projections';
import { StatusBadge } from '../status-badge';
import { effectivenessSeries } from './supervisor-figures';

type Team = TeamsView['teams'][number];

const PLAN_STATUS: ReadonlyMap<string, string> = new Map([
  ['met', 'met'],
  ['partly', 'partial'],
  ['missing', 'none'],
]);

// The charts are hidden from assistive technology (the tables beside them carry the figures), so
// recharts' keyboard layer is turned off: nothing hidden may take focus.

/**
 * Coaching minutes by month against the plan as bars, and the same months as a table with
 * consultation and training beside them: those never count toward the plan, so they are shown
 * apart from it. The chart is for the eye; the table carries the figures for everyone.
 */
export const TeamMonths = ({ team }: { readonly team: Team }) => {
  if (team.months.length === 0) return <Text>No session is logged for {team.name} yet.</Text>;
  return (
    <>
      <div aria-hidden="true">
        <BarChart
          h={240}
          data={team.months.map((month) => ({
            month: month.month,
            coaching: month.coachingMinutes,
            plan: month.planMinutes ?? 0,
          }))}
          dataKey="month"
          series={[
            { name: 'coaching', label: 'Coaching minutes', color: 'teal.8' },
            { name: 'plan', label: 'Planned minutes', color: 'gray.5' },
          ]}
          withLegend
          withTooltip={false}
          barChartProps={{ accessibilityLayer: false }}
        />
      </div>
      <Table.ScrollContainer minWidth={640}>
        <Table data-testid="team-months">
          <Table.Caption>
            <VisuallyHidden>
              Coaching minutes each month against the plan, with consultation and training apart
            </VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Month</Table.Th>
              <Table.Th scope="col">Coaching minutes</Table.Th>
              <Table.Th scope="col">Planned minutes</Table.Th>
              <Table.Th scope="col">Against the plan</Table.Th>
              <Table.Th scope="col">Consultation minutes (not counted)</Table.Th>
              <Table.Th scope="col">Training minutes (not counted)</Table.Th>
              <Table.Th scope="col">Sessions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {team.months.map((month) => (
              <Table.Tr key={month.month} data-month={month.month}>
                <Table.Th scope="row">{month.month}</Table.Th>
                <Table.Td>{month.coachingMinutes}</Table.Td>
                <Table.Td>{month.planMinutes ?? 'no plan'}</Table.Td>
                <Table.Td>
                  {month.status === null ? '—' : <StatusBadge status={PLAN_STATUS.get(month.status) ?? month.status} />}
                </Table.Td>
                <Table.Td>{month.consultationMinutes}</Table.Td>
                <Table.Td>{month.trainingMinutes}</Table.Td>
                <Table.Td>{month.sessions}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
};

const COLOURS = ['indigo.7', 'orange.8', 'teal.8', 'grape.7', 'red.8'];

/** Effectiveness data over time (percent of each measure in place) as lines, and as a table. */
export const TeamEffectiveness = ({ team }: { readonly team: Team }) => {
  if (team.effectiveness.length === 0) return <Text>No effectiveness data is recorded for {team.name} yet.</Text>;
  const { measures, data } = effectivenessSeries(team.effectiveness);
  return (
    <>
      <div aria-hidden="true">
        <LineChart
          h={240}
          data={data}
          dataKey="day"
          yAxisProps={{ domain: [0, 100] }}
          series={measures.map((measure, index) => ({
            name: `m${index}`,
            label: measure,
            color: COLOURS[index % COLOURS.length]!,
          }))}
          withLegend
          withTooltip={false}
          lineChartProps={{ accessibilityLayer: false }}
        />
      </div>
      <Table.ScrollContainer minWidth={400}>
        <Table data-testid="team-effectiveness">
          <Table.Caption>
            <VisuallyHidden>Effectiveness data of {team.name} over time</VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Recorded on</Table.Th>
              <Table.Th scope="col">Measure</Table.Th>
              <Table.Th scope="col">Percent</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {team.effectiveness.map((row) => (
              <Table.Tr key={`${row.recordedOn} ${row.measure}`}>
                <Table.Th scope="row">{row.recordedOn}</Table.Th>
                <Table.Td>{row.measure}</Table.Td>
                <Table.Td>{row.percent}%</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
};
