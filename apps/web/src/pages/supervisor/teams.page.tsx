import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { Page } from '../../app/page';
import { ReadState } from './read-state';
import { useTeams } from './supervisor-reads';

/** `/#/teams`: the MiMTSS teams coached as coachees (`004`): who coaches each, its plan and its last session. */
export const TeamsPage = () => {
  const teams = useTeams();
  return (
    <Page title="Teams">
      <ReadState query={teams} what="teams">
        {({ asOf, teams: rows }) =>
          rows.length === 0 ? (
            <Text>No team is registered yet.</Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped>
                <Table.Caption>Teams coached as coachees, as of {asOf.slice(0, 10)}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Team</Table.Th>
                    <Table.Th scope="col">Level</Table.Th>
                    <Table.Th scope="col">Community</Table.Th>
                    <Table.Th scope="col">Coach</Table.Th>
                    <Table.Th scope="col">Members</Table.Th>
                    <Table.Th scope="col">Plan</Table.Th>
                    <Table.Th scope="col">Last session</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((team) => (
                    <Table.Tr key={team.teamId} data-team={team.teamId}>
                      <Table.Th scope="row">
                        <Anchor component={Link} to={`/teams/${encodeURIComponent(team.teamId)}`}>
                          {team.name}
                        </Anchor>
                      </Table.Th>
                      <Table.Td>{team.level}</Table.Td>
                      <Table.Td>{team.communityId}</Table.Td>
                      <Table.Td>{team.coachId}</Table.Td>
                      <Table.Td>{team.memberCount}</Table.Td>
                      <Table.Td>
                        {team.plan === null
                          ? 'no plan yet'
                          : `${team.plan.minutesPerMonth} minutes a month, ${team.plan.frequency}`}
                      </Table.Td>
                      <Table.Td>{team.lastSessionOn ?? 'none yet'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </ReadState>
    </Page>
  );
};
