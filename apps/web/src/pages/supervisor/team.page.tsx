import { Anchor, List, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { Page } from '../../app/page';
import { ReadState } from './read-state';
import { useTeam } from './supervisor-reads';
import { TeamEffectiveness, TeamMonths } from './team-charts';

/** `/#/teams/:teamId`: one team's coaching service delivery plan, its months against it, and its effectiveness data. */
export const TeamPage = () => {
  const { teamId = '' } = useParams();
  const team = useTeam(teamId);
  return (
    <Page title={`Team ${teamId}`}>
      <Anchor component={Link} to="/teams">
        Back to the teams
      </Anchor>
      <ReadState query={team} what="team">
        {({ teams }) => {
          const [row] = teams;
          if (row === undefined) return <Text>No team {teamId} is registered.</Text>;
          return (
            <>
              <Text>
                {row.name}: a {row.level} team of {row.communityId} with {row.memberCount} members, coached by{' '}
                {row.coachId}; {row.sessions} sessions, the last {row.lastSessionOn ?? 'not yet held'}.
              </Text>
              <Title order={2}>Coaching service delivery plan</Title>
              {row.plan === null ? (
                <Text>No plan is set yet.</Text>
              ) : (
                <Table variant="vertical" withTableBorder maw={640}>
                  <Table.Caption>The plan in force</Table.Caption>
                  <Table.Tbody>
                    <Table.Tr>
                      <Table.Th scope="row">Coaching</Table.Th>
                      <Table.Td>{row.plan.coachingType}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th scope="row">Minutes a month</Table.Th>
                      <Table.Td>{row.plan.minutesPerMonth}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th scope="row">Frequency</Table.Th>
                      <Table.Td>{row.plan.frequency}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th scope="row">Focus</Table.Th>
                      <Table.Td>
                        <List size="sm">
                          {row.plan.focus.map((focus) => (
                            <List.Item key={focus}>{focus}</List.Item>
                          ))}
                        </List>
                      </Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th scope="row">Set on / review on</Table.Th>
                      <Table.Td>
                        {row.plan.setOn} / {row.plan.reviewOn ?? 'not set'}
                      </Table.Td>
                    </Table.Tr>
                  </Table.Tbody>
                </Table>
              )}
              <Title order={2}>Coaching by month</Title>
              <TeamMonths team={row} />
              <Title order={2}>Effectiveness data</Title>
              <TeamEffectiveness team={row} />
            </>
          );
        }}
      </ReadState>
    </Page>
  );
};
