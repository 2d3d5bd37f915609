import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import * as E from 'fp-ts/Either';
import { useState } from 'react';
import { checkCommandData, sendCommand, VOID_SESSION } from '../../api/commands';
import { refusalOf, showErrorsOnForm } from '../../app/form-refusal';
import { type LoggedSession, providerKey } from './coach-reads';

const VOID_FIELDS: ReadonlySet<string> = new Set(['reason']);

/** Void a logged session (rule 12): it counts for nothing from then on, and its record stays. */
export const VoidSessionDialog = ({
  providerId,
  session,
  onClose,
}: {
  readonly providerId: string;
  readonly session: LoggedSession;
  readonly onClose: () => void;
}) => {
  const queryClient = useQueryClient();
  const [refused, setRefused] = useState<string>();
  const form = useForm({ mode: 'uncontrolled', initialValues: { reason: '' } });
  const submit = form.onSubmit(async ({ reason }) => {
    setRefused(undefined);
    const data = { providerId, sessionId: session.sessionId, reason };
    const checked = checkCommandData(VOID_SESSION, data);
    if (E.isLeft(checked)) {
      setRefused(showErrorsOnForm(form, checked.left.errors, 'Nothing was sent: give a reason.', VOID_FIELDS));
      return;
    }
    try {
      await sendCommand(VOID_SESSION, providerId, { sessionId: session.sessionId, reason });
      await queryClient.invalidateQueries({ queryKey: providerKey(providerId) });
      await queryClient.invalidateQueries({ queryKey: ['caseload'] });
      onClose();
    } catch (error) {
      const { message, errors } = refusalOf(error);
      setRefused(showErrorsOnForm(form, errors, `Not voided: ${message}`, VOID_FIELDS));
    }
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={`Void the session of ${session.heldOn}`}
      closeButtonProps={{ 'aria-label': 'Close without voiding' }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            A voided session of {session.durationMinutes} minutes counts for nothing from now on; its record stays.
          </Text>
          {refused !== undefined && (
            <Alert color="red" role="alert" title="Not voided">
              {refused}
            </Alert>
          )}
          <Textarea label="Reason" required key={form.key('reason')} {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={form.submitting}>
              Void the session
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};
