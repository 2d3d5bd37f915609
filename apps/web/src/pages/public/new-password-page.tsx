import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { type SignedIn, useSessionStarted } from '../../api/session';
import { accountIdError, newPasswordError, repeatedPasswordError, showRefusal } from './account-form';
import { PublicPage } from './public-page';

/**
 * A one-time code from an address (`?code=`) and a new password: the first admin's setup (which
 * also names the account) and a sign-in link an admin handed over. Either signs in at once.
 */
export const NewPasswordPage = ({
  title,
  route,
  withAccountId,
  submitLabel,
}: {
  readonly title: string;
  readonly route: '/setup' | '/sessions/link';
  readonly withAccountId: boolean;
  readonly submitLabel: string;
}) => {
  const [params] = useSearchParams();
  const code = params.get('code') ?? '';
  const navigate = useNavigate();
  const started = useSessionStarted();
  const [refused, setRefused] = useState<string>();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { accountId: '', password: '', repeated: '' },
    validate: {
      accountId: (value) => (withAccountId ? accountIdError(value) : null),
      password: newPasswordError,
      repeated: repeatedPasswordError,
    },
  });
  if (code === '')
    return (
      <PublicPage title={title}>
        <Alert color="red" role="alert" title="This address has no code">
          Open the whole address you were given, including its <code>?code=</code> part.
        </Alert>
      </PublicPage>
    );
  const submit = form.onSubmit(async ({ accountId, password }) => {
    setRefused(undefined);
    try {
      const body = withAccountId ? { code, accountId, password } : { code, password };
      started(await api<SignedIn>(route, { method: 'POST', body }));
      navigate('/', { replace: true });
    } catch (error) {
      setRefused(showRefusal(form, error));
    }
  });
  return (
    <PublicPage title={title}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {refused !== undefined && (
            <Alert color="red" role="alert" title="Not done">
              {refused}
            </Alert>
          )}
          {withAccountId && (
            <TextInput
              label="Account id"
              description="The name you will sign in with, such as admin-1."
              autoComplete="username"
              required
              key={form.key('accountId')}
              {...form.getInputProps('accountId')}
            />
          )}
          <PasswordInput
            label="Choose a password"
            description="At least 12 characters."
            autoComplete="new-password"
            required
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label="Repeat the password"
            autoComplete="new-password"
            required
            key={form.key('repeated')}
            {...form.getInputProps('repeated')}
          />
          <Button type="submit" loading={form.submitting}>
            {submitLabel}
          </Button>
        </Stack>
      </form>
    </PublicPage>
  );
};
