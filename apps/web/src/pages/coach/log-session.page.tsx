import { Alert, Button, Group, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import * as E from 'fp-ts/Either';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { checkCommandData, LOG_SESSION, sendCommand } from '../../api/commands';
import { useSession } from '../../api/session';
import { refusalOf, showErrorsOnForm } from '../../app/form-refusal';
import { Page } from '../../app/page';
import { today } from '../../app/today';
import { providerKey, useCaseload } from './coach-reads';
import { emptySession, logSessionData, SESSION_FIELDS, type SessionFormValues } from './session-form';
import { SessionInputs } from './session-inputs';

type Outcome = { readonly kind: 'logged'; readonly text: string } | { readonly kind: 'refused'; readonly text: string };

/** The provider's id travels in the path, where the API names it `params.id`. */
const providerInPath = <F extends { readonly path: string }>(error: F): F =>
  error.path === 'params.id' ? { ...error, path: 'data.providerId' } : error;

/**
 * `/#/sessions/new`: log a session (rule 2: recorded after every session). The data is checked
 * with the domain's `LogSession` codec before anything is sent; the API's refusal, such as a day
 * still to come, is shown beside the field it names.
 */
export const LogSessionPage = () => {
  const [params] = useSearchParams();
  const session = useSession();
  const caseload = useCaseload();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome>();
  const form = useForm<SessionFormValues>({
    mode: 'uncontrolled',
    initialValues: emptySession(params.get('providerId') ?? '', today()),
  });
  const coachId = session.data?.accountId ?? '';
  const providers = (caseload.data?.providers ?? []).map((row) => row.providerId);

  const submit = form.onSubmit(async (values) => {
    setOutcome(undefined);
    form.clearErrors();
    const sessionId = `session-${crypto.randomUUID()}`;
    const data = logSessionData(values, coachId, sessionId);
    const checked = checkCommandData(LOG_SESSION, data);
    if (E.isLeft(checked)) {
      const text = showErrorsOnForm(
        form,
        checked.left.errors,
        'Nothing was sent: correct the fields marked.',
        SESSION_FIELDS,
      );
      setOutcome({ kind: 'refused', text });
      return;
    }
    try {
      const { providerId, ...body } = data;
      await sendCommand(LOG_SESSION, providerId, body, sessionId);
      setOutcome({
        kind: 'logged',
        text: `Logged ${values.durationMinutes} minutes with ${providerId} on ${values.heldOn}.`,
      });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['caseload'] }),
        queryClient.invalidateQueries({ queryKey: ['due'] }),
        queryClient.invalidateQueries({ queryKey: providerKey(providerId) }),
      ]);
    } catch (error) {
      const { message, errors } = refusalOf(error);
      const text = showErrorsOnForm(form, errors.map(providerInPath), `Not logged: ${message}`, SESSION_FIELDS);
      setOutcome({ kind: 'refused', text });
    }
  });

  return (
    <Page title="Log a session">
      <form onSubmit={submit} noValidate aria-label="Log a session">
        <Stack gap="md" maw={720}>
          {outcome !== undefined && (
            <Alert
              color={outcome.kind === 'logged' ? 'green' : 'red'}
              role={outcome.kind === 'logged' ? 'status' : 'alert'}
              title={outcome.kind === 'logged' ? 'Session logged' : 'Session not logged'}
            >
              {outcome.text}
            </Alert>
          )}
          <Select
            label="Provider"
            required
            searchable
            data={providers}
            nothingFoundMessage="No provider of your caseload has this id"
            key={form.key('providerId')}
            {...form.getInputProps('providerId')}
          />
          <SessionInputs form={form} />
          <Group>
            <Button type="submit" loading={form.submitting}>
              Log the session
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
};
