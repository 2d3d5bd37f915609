import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import * as E from 'fp-ts/Either';
import { useState } from 'react';
import { checkCommandData, sendCommand } from '../../api/commands';
import { refusalOf, showErrorsOnForm } from '../../app/form-refusal';
import { today } from '../../app/today';
import { VERIFY_QUALIFICATION } from './supervisor-commands';
import { STAFF_KEY } from './supervisor-reads';

const VERIFY_FIELDS: ReadonlySet<string> = new Set(['verifiedOn']);

export interface QualificationToVerify {
  readonly coachId: string;
  readonly qualificationId: string;
  readonly credential: string;
}

/**
 * Vouch for a coach's recorded credential (`003`): the one signed in is who verified it, on the
 * day given. Checked with the domain's codec first; the API's refusal is shown beside the day.
 */
export const VerifyQualificationDialog = ({
  qualification,
  verifiedBy,
  onClose,
}: {
  readonly qualification: QualificationToVerify;
  readonly verifiedBy: string;
  readonly onClose: () => void;
}) => {
  const queryClient = useQueryClient();
  const [refused, setRefused] = useState<string>();
  const form = useForm({ mode: 'uncontrolled', initialValues: { verifiedOn: today() } });
  const submit = form.onSubmit(async ({ verifiedOn }) => {
    setRefused(undefined);
    const { coachId, qualificationId, credential } = qualification;
    const body = { qualificationId, credential, verifiedBy, ...(verifiedOn === '' ? {} : { verifiedOn }) };
    const checked = checkCommandData(VERIFY_QUALIFICATION, { coachId, ...body });
    if (E.isLeft(checked)) {
      setRefused(
        showErrorsOnForm(form, checked.left.errors, 'Nothing was sent: correct the fields marked.', VERIFY_FIELDS),
      );
      return;
    }
    try {
      await sendCommand(VERIFY_QUALIFICATION, coachId, body);
      await queryClient.invalidateQueries({ queryKey: STAFF_KEY });
      onClose();
    } catch (error) {
      const { message, errors } = refusalOf(error);
      setRefused(showErrorsOnForm(form, errors, `Not verified: ${message}`, VERIFY_FIELDS));
    }
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={`Verify ${qualification.credential}`}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            You vouch that {qualification.coachId}'s credential "{qualification.credential}" was checked against its
            source. The verification is recorded under your id, {verifiedBy}, and cannot be taken back.
          </Text>
          {refused !== undefined && (
            <Alert color="red" role="alert" title="Not verified">
              {refused}
            </Alert>
          )}
          <TextInput
            type="date"
            label="Verified on"
            required
            key={form.key('verifiedOn')}
            {...form.getInputProps('verifiedOn')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Verify
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};
