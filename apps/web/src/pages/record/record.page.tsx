import { STREAM_KINDS } from '@coachline/domain';
import { Anchor, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../api/session';
import { labelOf } from '../../forms/field-tree';
import { Page } from '../../app/page';
import { QueryState } from '../../app/query-state';
import type { DocumentedCommand } from '../../forms/command-routes';
import { useDocumentedCommands } from './record-reads';

/** The commands a role may send: those whose operation names the role, or every one when it names none. */
export const commandsFor = (
  commands: ReadonlyMap<string, DocumentedCommand>,
  role: string,
): ReadonlyArray<DocumentedCommand> =>
  [...commands.values()].filter((command) => command.roles === undefined || command.roles.has(role));

/**
 * `/#/record`: every command the signed-in role may send, grouped by what it is recorded against
 * (a community, a coach, a provider, a team, an agreement, a screening). Who may send what is the
 * API's to say: the list follows its document, and its refusal still speaks if the two differ.
 */
export const RecordPage = () => {
  const session = useSession();
  const commands = useDocumentedCommands();
  const { search } = useLocation();
  const role = session.data?.role ?? '';
  return (
    <Page title="Record">
      <Text maw={720}>
        Each form records one act of the program. It is checked with the program&apos;s own rules before it is sent, and
        the server checks it again.
      </Text>
      <QueryState query={commands} what="list of commands">
        {(documented) => {
          const offered = commandsFor(documented, role);
          return (
            <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }} spacing="lg">
              {STREAM_KINDS.map((kind) => {
                const ofKind = offered.filter((command) => command.definition.streamKind === kind);
                if (ofKind.length === 0) return null;
                return (
                  <Stack key={kind} gap="xs" component="section" aria-labelledby={`record-${kind}`}>
                    <Title order={2} size="h3" id={`record-${kind}`}>
                      {labelOf(kind)}
                    </Title>
                    <List listStyleType="none" spacing={4}>
                      {ofKind.map(({ definition }) => (
                        <List.Item key={definition.type}>
                          <Anchor component={Link} to={`/record/${definition.type}${search}`}>
                            {labelOf(definition.type)}
                          </Anchor>
                        </List.Item>
                      ))}
                    </List>
                  </Stack>
                );
              })}
            </SimpleGrid>
          );
        }}
      </QueryState>
    </Page>
  );
};
