import { List, Stack, Table, Text, Title } from '@mantine/core';
import { QueryState } from '../../app/query-state';
import { type SharedSession, useOwnCoachingLog } from './provider-reads';

const listed = (values: ReadonlyArray<string>) => (values.length === 0 ? '—' : values.join(', '));

const SessionNotes = ({ session }: { readonly session: SharedSession }) => (
  <Stack gap={4}>
    {session.summary !== null && <Text size="sm">{session.summary}</Text>}
    {session.nextSteps.length > 0 && (
      <>
        <Text size="sm" fw={600}>
          Next steps
        </Text>
        <List size="sm">
          {session.nextSteps.map((step, index) => (
            <List.Item key={index}>{step}</List.Item>
          ))}
        </List>
      </>
    )}
  </Stack>
);

/** The provider's sessions as their coach logged and corrected them, read-only: the coach keeps the log. */
export const OwnSessionsSection = ({ providerId }: { readonly providerId: string }) => (
  <section aria-labelledby="own-sessions-heading">
    <Title order={2} id="own-sessions-heading" mb="sm">
      Sessions
    </Title>
    <QueryState query={useOwnCoachingLog(providerId)} what="sessions">
      {({ sessions }) =>
        sessions.length === 0 ? (
          <Text>No session has been logged with you yet.</Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped>
              <Table.Caption>Your coaching sessions, oldest first</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Held on</Table.Th>
                  <Table.Th scope="col">Minutes</Table.Th>
                  <Table.Th scope="col">Kind and mode</Table.Th>
                  <Table.Th scope="col">Practices</Table.Th>
                  <Table.Th scope="col">Strategies</Table.Th>
                  <Table.Th scope="col">Summary and next steps</Table.Th>
                  <Table.Th scope="col">Feedback sent</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sessions.map((session) => (
                  <Table.Tr key={session.sessionId} data-session={session.sessionId}>
                    <Table.Th scope="row">{session.heldOn}</Table.Th>
                    <Table.Td>{session.durationMinutes}</Table.Td>
                    <Table.Td>
                      {session.kind}, {session.mode}
                    </Table.Td>
                    <Table.Td>{listed(session.practices)}</Table.Td>
                    <Table.Td>{listed(session.strategies)}</Table.Td>
                    <Table.Td>
                      <SessionNotes session={session} />
                    </Table.Td>
                    <Table.Td>{listed(session.feedbackSentOn)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )
      }
    </QueryState>
  </section>
);
