import { Alert, Anchor, Text } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useSession } from '../../api/session';
import { Page } from '../../app/page';
import { QueryState } from '../../app/query-state';
import { CommandForm } from '../../forms/command-form';
import { labelOf } from '../../forms/field-tree';
import { useDocumentedCommands } from './record-reads';

/** The fields a signed-in person's reach names: a coach's own id, a provider's own id. */
const REACH_FIELDS = ['coachId', 'providerId'] as const;

/**
 * `/#/record/<CommandType>`: one command's form, so a page can link to it with what it already
 * knows (`?providerId=p-017` fills the provider's id in).
 */
export const RecordCommandPage = () => {
  const { commandType = '' } = useParams();
  const [params] = useSearchParams();
  const commands = useDocumentedCommands();
  const session = useSession();
  const reach = session.data?.reach;
  const known = useMemo(() => {
    // The signed-in coach's or provider's own id fills its field in; the address may name another.
    const ids = new Map<string, string>();
    for (const field of REACH_FIELDS) {
      const id = reach?.[field];
      if (typeof id === 'string') ids.set(field, id);
    }
    for (const [field, value] of params.entries()) ids.set(field, value);
    return ids;
  }, [params, reach]);
  return (
    <Page title={labelOf(commandType)}>
      <Anchor component={Link} to="/record">
        All commands
      </Anchor>
      <QueryState query={commands} what="list of commands">
        {(documented) => {
          const command = documented.get(commandType);
          if (command === undefined)
            return (
              <Alert color="red" role="alert" title="No such command">
                The server takes no command named {commandType}.
              </Alert>
            );
          return (
            <>
              <Text maw={720}>{command.definition.description}</Text>
              <CommandForm key={`${commandType}?${params.toString()}`} command={command} known={known} />
            </>
          );
        }}
      </QueryState>
    </Page>
  );
};
