import { Alert, Button, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSession } from '../../api/session';
import { refusalOf } from '../../app/form-refusal';
import { Page } from '../../app/page';
import { ReadState } from '../supervisor/read-state';
import { StatusBadge } from '../status-badge';
import { revokeToken, TOKENS_KEY, useTokens } from './admin-reads';

/**
 * `/#/tokens`: every sign-in token issued, browser sessions among them (never a token's text),
 * and revoking one: from the next request on, it is refused.
 */
export const TokensPage = () => {
  const tokens = useTokens();
  const session = useSession();
  const queryClient = useQueryClient();
  const [refused, setRefused] = useState<string>();
  const [revoking, setRevoking] = useState<string>();
  const revoke = async (id: string) => {
    setRefused(undefined);
    setRevoking(id);
    try {
      await revokeToken(id);
      await queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    } catch (error) {
      setRefused(`Not revoked: ${refusalOf(error).message}`);
    } finally {
      setRevoking(undefined);
    }
  };
  const me = session.data?.accountId;
  return (
    <Page title="Sign-in tokens">
      {refused !== undefined && (
        <Alert color="red" role="alert" title="Token not revoked">
          {refused}
        </Alert>
      )}
      <ReadState query={tokens} what="tokens">
        {({ tokens: rows }) =>
          rows.length === 0 ? (
            <Text>No token has been issued.</Text>
          ) : (
            <Table.ScrollContainer minWidth={800}>
              <Table striped data-testid="tokens">
                <Table.Caption>Every token issued, oldest first</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Token</Table.Th>
                    <Table.Th scope="col">Speaks for</Table.Th>
                    <Table.Th scope="col">Issued</Table.Th>
                    <Table.Th scope="col">Ends</Table.Th>
                    <Table.Th scope="col">State</Table.Th>
                    <Table.Th scope="col">Revoke</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((token) => (
                    <Table.Tr key={token.id} data-token={token.id} data-subject={token.subject}>
                      <Table.Th scope="row">{token.id}</Table.Th>
                      <Table.Td>
                        {token.subject} ({token.role})
                      </Table.Td>
                      <Table.Td>
                        {token.issuedAt.slice(0, 16).replace('T', ' ')} by {token.issuedBy}
                      </Table.Td>
                      <Table.Td>{token.expiresAt.slice(0, 16).replace('T', ' ')}</Table.Td>
                      <Table.Td data-column="state">
                        <StatusBadge status={token.state} />
                      </Table.Td>
                      <Table.Td>
                        {token.state === 'revoked' ? (
                          `by ${token.revokedBy ?? '—'}`
                        ) : token.state === 'expired' ? (
                          '—'
                        ) : (
                          <Button
                            size="xs"
                            color="red"
                            loading={revoking === token.id}
                            aria-label={`Revoke ${token.id} of ${token.subject}${token.subject === me ? ' (yours)' : ''}`}
                            onClick={() => revoke(token.id)}
                          >
                            Revoke
                          </Button>
                        )}
                      </Table.Td>
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
