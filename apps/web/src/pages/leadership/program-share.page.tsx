import { Group, Paper, Text } from '@mantine/core';
import { Page } from '../../app/page';
import { QueryState } from '../../app/query-state';
import { useShare } from './leadership-reads';
import { MinutesByMonthChart, PracticesChart } from './share-charts';
import { shareFigures } from './share-figures';

const Figure = ({ label, value }: { readonly label: string; readonly value: string }) => (
  <Paper withBorder p="md" miw={180}>
    <Text size="sm" c="dimmed" component="dt">
      {label}
    </Text>
    <Text size="xl" fw={700} component="dd" m={0}>
      {value}
    </Text>
  </Paper>
);

/**
 * `/#/program`: the confidential share (rule 10, `002`) summed over the program. Only counts,
 * dates and durations are drawn: the share's per-provider rows are added up before anything is
 * shown, so no provider, coach or goal text reaches the page.
 */
export const ProgramSharePage = () => (
  <Page title="Coaching across the program">
    <QueryState query={useShare()} what="shared coaching figures">
      {(share) => {
        const figures = shareFigures(share);
        return (
          <>
            <Text size="sm">As the program knew it at {figures.asOf}.</Text>
            <Group component="dl" gap="md" m={0}>
              <Figure label="Providers enrolled" value={String(figures.providers)} />
              <Figure label="Coaching cycles completed" value={String(figures.cyclesCompleted)} />
              <Figure label="Goals achieved" value={`${figures.goals.achieved} of ${figures.goals.set}`} />
            </Group>
            <MinutesByMonthChart months={figures.months} />
            <PracticesChart practices={figures.practices} />
          </>
        );
      }}
    </QueryState>
  </Page>
);
