import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { type SignedIn, useSessionStarted } from '../../api/session';
import { accountIdError, showRefusal } from './account-form';
import { PublicPage } from './public-page';
import { safeNext } from './safe-next';

export const SignInPage = () => {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const started = useSessionStarted();
  const [refused, setRefused] = useState<string>();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { accountId: '', password: '' },
    validate: {
      accountId: accountIdError,
      password: (value) => (value.length > 0 ? null : 'Enter your password.'),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setRefused(undefined);
    try {
      started(await api<SignedIn>('/sessions', { method: 'POST', body: values }));
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (error) {
      setRefused(showRefusal(form, error));
    }
  });
  return (
    <PublicPage title="Sign in">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {refused !== undefined && (
            <Alert color="red" role="alert" title="Not signed in">
              {refused}
            </Alert>
          )}
          <TextInput
            label="Account id"
            autoComplete="username"
            required
            key={form.key('accountId')}
            {...form.getInputProps('accountId')}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={form.submitting}>
            Sign in
          </Button>
          <Text size="sm" c="dimmed">
            No password yet? Open the sign-in link your administrator gave you.
          </Text>
        </Stack>
      </form>
    </PublicPage>
  );
};
