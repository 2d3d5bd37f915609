import { Alert, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Page } from '../../app/page';
import { refusalOf } from '../../app/form-refusal';
import { ReadState } from '../supervisor/read-state';
import { StatusBadge } from '../status-badge';
import { ACCOUNTS_KEY, disableAccount, type ListedAccount, TOKENS_KEY, useAccounts } from './admin-reads';
import { CreateAccountForm } from './create-account';

const reachText = (account: ListedAccount): string =>
  account.reach.coachId !== undefined
    ? `coach ${account.reach.coachId}`
    : account.reach.providerId !== undefined
      ? `provider ${account.reach.providerId}`
      : 'as the role is granted';

/** Disabling ends the account's sessions and tokens at once; it is asked for twice, in a dialog. */
const DisableDialog = ({ account, onClose }: { readonly account: ListedAccount; readonly onClose: () => void }) => {
  const queryClient = useQueryClient();
  const [refused, setRefused] = useState<string>();
  const [sending, setSending] = useState(false);
  const disable = async () => {
    setSending(true);
    try {
      await disableAccount(account.id);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ACCOUNTS_KEY }),
        queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
      ]);
      onClose();
    } catch (error) {
      setRefused(`Not disabled: ${refusalOf(error).message}`);
    } finally {
      setSending(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={`Disable ${account.id}`} closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack gap="sm">
        <Text size="sm">
          {account.id} can no longer sign in, and every session and token of {account.id} ends now. What they recorded
          stays.
        </Text>
        {refused !== undefined && (
          <Alert color="red" role="alert" title="Not disabled">
            {refused}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" loading={sending} onClick={disable}>
            Disable the account
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};

/** `/#/accounts`: every browser account, a new one with its one-time sign-in link, and disabling one. */
export const AccountsPage = () => {
  const accounts = useAccounts();
  const [disabling, setDisabling] = useState<ListedAccount>();
  return (
    <Page title="Accounts">
      <CreateAccountForm />
      <Title order={2}>Accounts</Title>
      <ReadState query={accounts} what="accounts">
        {({ accounts: rows }) => (
          <Table.ScrollContainer minWidth={720}>
            <Table striped data-testid="accounts">
              <Table.Caption>Every account, oldest first</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Account</Table.Th>
                  <Table.Th scope="col">Role</Table.Th>
                  <Table.Th scope="col">Reach</Table.Th>
                  <Table.Th scope="col">State</Table.Th>
                  <Table.Th scope="col">Created</Table.Th>
                  <Table.Th scope="col">Disable</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((account) => (
                  <Table.Tr key={account.id} data-account={account.id}>
                    <Table.Th scope="row">{account.id}</Table.Th>
                    <Table.Td>{account.role}</Table.Td>
                    <Table.Td>{reachText(account)}</Table.Td>
                    <Table.Td data-column="state" data-state={account.state}>
                      <StatusBadge status={account.state} />
                    </Table.Td>
                    <Table.Td>
                      {account.createdAt.slice(0, 10)} by {account.createdBy}
                    </Table.Td>
                    <Table.Td>
                      {account.state === 'disabled' ? (
                        `on ${account.disabledAt?.slice(0, 10) ?? '—'} by ${account.disabledBy ?? '—'}`
                      ) : (
                        <Button
                          size="xs"
                          color="red"
                          aria-label={`Disable ${account.id}`}
                          onClick={() => setDisabling(account)}
                        >
                          Disable
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ReadState>
      {disabling !== undefined && <DisableDialog account={disabling} onClose={() => setDisabling(undefined)} />}
    </Page>
  );
};
