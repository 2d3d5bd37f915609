import { Alert, Button, Code, CopyButton, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { decodeWith, Id, Role, struct } from '@coachline/domain';
import { useQueryClient } from '@tanstack/react-query';
import * as E from 'fp-ts/Either';
import { useState } from 'react';
import { refusalOf, showErrorsOnForm } from '../../app/form-refusal';
import { ACCOUNTS_KEY, createAccount, type CreatedAccount, fullAddress } from './admin-reads';

/** The request `POST /accounts` decodes, checked here with the same codecs before it is sent. */
const AccountRequest = struct('AccountRequest', { id: Id, role: Role });
const ACCOUNT_FIELDS: ReadonlySet<string> = new Set(['id', 'role']);

export const ROLE_OPTIONS: ReadonlyArray<{ readonly value: Role; readonly label: string }> = [
  { value: 'coach', label: 'Coach' },
  { value: 'provider', label: 'Provider' },
  { value: 'supervisor', label: 'Supervisor' },
  { value: 'observer', label: 'Observer' },
  { value: 'leadership', label: 'Program leadership' },
  { value: 'evaluator', label: 'Evaluator' },
  { value: 'auditor', label: 'Auditor' },
  { value: 'admin', label: 'Admin' },
];

// Mantine's green title on its light green falls below 4.5:1, even in its darkest shade; the text colour does not.
const DARK_TITLE = { title: { color: 'var(--mantine-color-text)' } };

/** The link to hand over, once: it is shown here and never again, so it can be copied at once. */
const HandOver = ({ created }: { readonly created: CreatedAccount }) => {
  const address = fullAddress(created.signInLink);
  return (
    <Alert color="green" role="status" title={`Account ${created.id} created`} styles={DARK_TITLE}>
      <Stack gap="xs">
        <Text size="sm">
          Hand this one-time sign-in link to the person of {created.id}; it works once, until {created.expiresAt}, and
          they choose their password with it. It is not shown again.
        </Text>
        <Code block data-testid="sign-in-link">
          {address}
        </Code>
        <CopyButton value={address}>
          {({ copied, copy }) => (
            <Button size="xs" variant="default" onClick={copy} w="fit-content">
              {copied ? 'Copied' : 'Copy the link'}
            </Button>
          )}
        </CopyButton>
      </Stack>
    </Alert>
  );
};

/**
 * Create an account: its id is the id its sessions act under (a coach's is their coach id, a
 * provider's their provider id), so the role and the id together are its whole reach.
 */
export const CreateAccountForm = () => {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedAccount>();
  const [refused, setRefused] = useState<string>();
  const form = useForm<{ id: string; role: string }>({
    mode: 'uncontrolled',
    initialValues: { id: '', role: 'coach' },
  });
  const submit = form.onSubmit(async (values) => {
    setRefused(undefined);
    setCreated(undefined);
    form.clearErrors();
    const checked = decodeWith(AccountRequest, 'The account', 'body')(values);
    if (E.isLeft(checked)) {
      setRefused(
        showErrorsOnForm(form, checked.left.errors, 'Nothing was sent: correct the fields marked.', ACCOUNT_FIELDS),
      );
      return;
    }
    try {
      setCreated(await createAccount(checked.right.id, checked.right.role));
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ACCOUNTS_KEY });
    } catch (error) {
      const { message, errors } = refusalOf(error);
      setRefused(showErrorsOnForm(form, errors, `Not created: ${message}`, ACCOUNT_FIELDS));
    }
  });
  return (
    <Stack gap="sm" component="section" aria-labelledby="create-account">
      <Title order={2} id="create-account">
        Create an account
      </Title>
      {created !== undefined && <HandOver created={created} />}
      {refused !== undefined && (
        <Alert color="red" role="alert" title="Account not created">
          {refused}
        </Alert>
      )}
      <form onSubmit={submit} noValidate aria-label="Create an account">
        <Group align="flex-start">
          <TextInput
            label="Account id"
            description="A coach's is their coach id, a provider's their provider id."
            required
            w={280}
            key={form.key('id')}
            {...form.getInputProps('id')}
          />
          <Select
            label="Role"
            required
            allowDeselect={false}
            data={[...ROLE_OPTIONS]}
            w={220}
            key={form.key('role')}
            {...form.getInputProps('role')}
          />
          <Button type="submit" mt={26} loading={form.submitting}>
            Create
          </Button>
        </Group>
      </form>
    </Stack>
  );
};
