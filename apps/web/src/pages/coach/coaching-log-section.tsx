import { Button, Group, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { QueryState } from '../../app/query-state';
import { type LoggedSession, useCoachingLog } from './coach-reads';
import { CorrectSessionDialog } from './correct-session';
import { VoidSessionDialog } from './void-session';

type Action = { readonly kind: 'correct' | 'void'; readonly session: LoggedSession };

/** The provider's sessions as they stand, each with a way to correct or void it. */
export const CoachingLogSection = ({ providerId }: { readonly providerId: string }) => {
  const [action, setAction] = useState<Action>();
  return (
    <section aria-labelledby="sessions-heading">
      <Title order={2} id="sessions-heading" mb="sm">
        Sessions
      </Title>
      <QueryState query={useCoachingLog(providerId)} what="sessions">
        {({ sessions }) =>
          sessions.length === 0 ? (
            <Text>No session logged yet.</Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Held on</Table.Th>
                    <Table.Th scope="col">Minutes</Table.Th>
                    <Table.Th scope="col">Kind</Table.Th>
                    <Table.Th scope="col">Mode</Table.Th>
                    <Table.Th scope="col">Summary</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {sessions.map((session) => (
                    <Table.Tr key={session.sessionId} data-session={session.sessionId}>
                      <Table.Th scope="row">{session.heldOn}</Table.Th>
                      <Table.Td>{session.durationMinutes}</Table.Td>
                      <Table.Td>{session.kind}</Table.Td>
                      <Table.Td>{session.mode}</Table.Td>
                      <Table.Td>{session.summary ?? ''}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={`Correct the session of ${session.heldOn}`}
                            onClick={() => setAction({ kind: 'correct', session })}
                          >
                            Correct
                          </Button>
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={`Void the session of ${session.heldOn}`}
                            onClick={() => setAction({ kind: 'void', session })}
                          >
                            Void
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      {action?.kind === 'correct' && (
        <CorrectSessionDialog providerId={providerId} session={action.session} onClose={() => setAction(undefined)} />
      )}
      {action?.kind === 'void' && (
        <VoidSessionDialog providerId={providerId} session={action.session} onClose={() => setAction(undefined)} />
      )}
    </section>
  );
};
