import { Alert, Anchor, Text } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Page } from '../../app/page';
import { QueryState } from '../../app/query-state';
import { CommandForm } from '../../forms/command-form';
import { labelOf } from '../../forms/field-tree';
import { useDocumentedCommands } from './record-reads';

/**
 * `/#/record/<CommandType>`: one command's form, so a page can link to it with what it already
 * knows (`?providerId=p-017` fills the provider's id in).
 */
export const RecordCommandPage = () => {
  const { commandType = '' } = useParams();
  const [params] = useSearchParams();
  const commands = useDocumentedCommands();
  const known = useMemo(() => new Map(params.entries()), [params]);
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
