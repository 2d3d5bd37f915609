import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import * as E from 'fp-ts/Either';
import { useState } from 'react';
import { checkCommandData, CORRECT_SESSION, sendCommand } from '../../api/commands';
import { refusalOf, showErrorsOnForm } from '../../app/form-refusal';
import { type LoggedSession, providerKey } from './coach-reads';
import { SESSION_FIELDS, sessionFieldsOf, type SessionFormValues, sessionValuesOf } from './session-form';
import { SessionInputs } from './session-inputs';

type CorrectionValues = SessionFormValues & { reason: string };

/** A correction's errors name the changed field under `changes`, and its reason beside them. */
const CORRECTION_PREFIXES = ['data.changes', 'body.changes', 'data', 'body'];
const CORRECTION_FIELDS: ReadonlySet<string> = new Set([...SESSION_FIELDS, 'reason']);

/** Only the fields the coach changed: a correction records new values, never the unchanged ones again. */
const changesOf = (before: SessionFormValues, after: SessionFormValues): Record<string, unknown> => {
  const was = sessionFieldsOf(before);
  const is = sessionFieldsOf(after);
  const changes: Record<string, unknown> = Object.create(null);
  for (const field of Object.keys(is))
    if (JSON.stringify(is[field]) !== JSON.stringify(was[field])) changes[field] = is[field];
  return { ...changes };
};

/** Correct a logged session (rule 12): the new values and the reason; the record keeps both. */
export const CorrectSessionDialog = ({
  providerId,
  session,
  onClose,
}: {
  readonly providerId: string;
  readonly session: LoggedSession;
  readonly onClose: () => void;
}) => {
  const queryClient = useQueryClient();
  const before = sessionValuesOf(session, providerId);
  const [refused, setRefused] = useState<string>();
  const form = useForm<CorrectionValues>({ mode: 'uncontrolled', initialValues: { ...before, reason: '' } });
  const submit = form.onSubmit(async ({ reason, ...after }) => {
    setRefused(undefined);
    const data = { providerId, sessionId: session.sessionId, changes: changesOf(before, after), reason };
    const checked = checkCommandData(CORRECT_SESSION, data);
    if (E.isLeft(checked)) {
      setRefused(
        showErrorsOnForm(
          form,
          checked.left.errors,
          'Nothing was sent: correct the fields marked.',
          CORRECTION_FIELDS,
          CORRECTION_PREFIXES,
        ),
      );
      return;
    }
    try {
      await sendCommand(CORRECT_SESSION, providerId, { sessionId: data.sessionId, changes: data.changes, reason });
      await queryClient.invalidateQueries({ queryKey: providerKey(providerId) });
      await queryClient.invalidateQueries({ queryKey: ['caseload'] });
      onClose();
    } catch (error) {
      const { message, errors } = refusalOf(error);
      setRefused(showErrorsOnForm(form, errors, `Not corrected: ${message}`, CORRECTION_FIELDS, CORRECTION_PREFIXES));
    }
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={`Correct the session of ${session.heldOn}`}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close without correcting' }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {refused !== undefined && (
            <Alert color="red" role="alert" title="Not corrected">
              {refused}
            </Alert>
          )}
          <SessionInputs form={form} withAgenda={false} />
          <Textarea
            label="Reason for the correction"
            required
            key={form.key('reason')}
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Save the correction
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};
