import { ActionIcon, Alert, Button, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ReactNode, useState } from 'react';
import { useSession } from '../../api/session';
import { today } from '../../app/today';
import { type Outcome, sendObserverCommand } from './command-outcome';
import {
  COMPLETE_OBSERVATION,
  HOLD_DEBRIEF,
  SCHEDULE_OBSERVATION,
  type ScoreRow,
  scoresOf,
  sentencesOf,
} from './observation-commands';

const OutcomeAlert = ({ outcome, what }: { readonly outcome: Outcome | undefined; readonly what: string }) =>
  outcome === undefined ? null : (
    <Alert
      color={outcome.kind === 'recorded' ? 'gray' : 'red'}
      role={outcome.kind === 'recorded' ? 'status' : 'alert'}
      title={outcome.kind === 'recorded' ? `${what} recorded` : `${what} not recorded`}
    >
      {outcome.text}
    </Alert>
  );

const FormSection = ({
  id,
  title,
  children,
}: {
  readonly id: string;
  readonly title: string;
  readonly children: ReactNode;
}) => (
  <section aria-labelledby={id}>
    <Title order={2} id={id} mb="sm">
      {title}
    </Title>
    {children}
  </section>
);

interface ScheduleValues extends Record<string, unknown> {
  providerId: string;
  observationId: string;
  instrument: string;
  scheduledFor: string;
  observerId: string;
}
const SCHEDULE_FIELDS: ReadonlySet<string> = new Set([
  'providerId',
  'observationId',
  'instrument',
  'scheduledFor',
  'observerId',
]);

/** Schedules an observation with a TPOT or TPITOS; the observer is the signed-in one unless named. */
export const ScheduleObservationForm = () => {
  const accountId = useSession().data?.accountId ?? '';
  const [outcome, setOutcome] = useState<Outcome>();
  const form = useForm<ScheduleValues>({
    mode: 'uncontrolled',
    initialValues: {
      providerId: '',
      observationId: '',
      instrument: 'TPOT',
      scheduledFor: today(),
      observerId: accountId,
    },
  });
  const submit = form.onSubmit(async (values) =>
    setOutcome(
      await sendObserverCommand(
        form,
        SCHEDULE_OBSERVATION,
        { ...values, observerId: values.observerId || accountId },
        SCHEDULE_FIELDS,
        `Observation ${values.observationId} of ${values.providerId} scheduled for ${values.scheduledFor}.`,
      ),
    ),
  );
  return (
    <FormSection id="schedule-heading" title="Schedule an observation">
      <form onSubmit={submit} noValidate aria-label="Schedule an observation">
        <Stack gap="sm" maw={560}>
          <OutcomeAlert outcome={outcome} what="Observation" />
          <TextInput label="Provider" required key={form.key('providerId')} {...form.getInputProps('providerId')} />
          <TextInput
            label="Observation id"
            description="Your id for this observation, such as obs-2025-10-p-017"
            required
            key={form.key('observationId')}
            {...form.getInputProps('observationId')}
          />
          <Select
            label="Instrument"
            data={['TPOT', 'TPITOS']}
            allowDeselect={false}
            key={form.key('instrument')}
            {...form.getInputProps('instrument')}
          />
          <TextInput
            label="Scheduled for"
            type="date"
            required
            key={form.key('scheduledFor')}
            {...form.getInputProps('scheduledFor')}
          />
          <TextInput label="Observer" key={form.key('observerId')} {...form.getInputProps('observerId')} />
          <Group>
            <Button type="submit" loading={form.submitting}>
              Schedule
            </Button>
          </Group>
        </Stack>
      </form>
    </FormSection>
  );
};

interface ScoresValues extends Record<string, unknown> {
  providerId: string;
  observationId: string;
  observedOn: string;
  scores: ScoreRow[];
}
const SCORES_FIELDS: ReadonlySet<string> = new Set(['providerId', 'observationId', 'observedOn', 'scores']);

/** Records an observation's scores by name; they reach coaches and evaluators, never the provider (rule 5). */
export const CompleteObservationForm = () => {
  const [outcome, setOutcome] = useState<Outcome>();
  const form = useForm<ScoresValues>({
    mode: 'controlled',
    initialValues: {
      providerId: '',
      observationId: '',
      observedOn: today(),
      scores: [
        { name: 'keyPracticesPercent', value: '' },
        { name: 'redFlags', value: '' },
      ],
    },
  });
  const submit = form.onSubmit(async ({ scores, ...values }) =>
    setOutcome(
      await sendObserverCommand(
        form,
        COMPLETE_OBSERVATION,
        { ...values, scores: scoresOf(scores) },
        SCORES_FIELDS,
        `The scores of observation ${values.observationId} of ${values.providerId} are recorded.`,
      ),
    ),
  );
  const scoresError = form.errors['scores'];
  return (
    <FormSection id="scores-heading" title="Record the scores">
      <form onSubmit={submit} noValidate aria-label="Record the scores">
        <Stack gap="sm" maw={560}>
          <OutcomeAlert outcome={outcome} what="Scores" />
          <TextInput label="Provider" required {...form.getInputProps('providerId')} />
          <TextInput label="Observation id" required {...form.getInputProps('observationId')} />
          <TextInput label="Observed on" type="date" required {...form.getInputProps('observedOn')} />
          <fieldset
            style={{ border: 0, padding: 0, margin: 0 }}
            aria-describedby={scoresError ? 'scores-error' : undefined}
          >
            <legend>
              <Text fw={600} size="sm">
                Scores
              </Text>
            </legend>
            <Stack gap="xs">
              {form.values.scores.map((_, index) => (
                <Group key={index} align="flex-end" wrap="nowrap">
                  <TextInput label={`Score ${index + 1} name`} {...form.getInputProps(`scores.${index}.name`)} />
                  <TextInput
                    label={`Score ${index + 1} value`}
                    inputMode="decimal"
                    {...form.getInputProps(`scores.${index}.value`)}
                  />
                  <ActionIcon
                    variant="default"
                    size="lg"
                    aria-label={`Remove score ${index + 1}`}
                    onClick={() => form.removeListItem('scores', index)}
                  >
                    ×
                  </ActionIcon>
                </Group>
              ))}
              {scoresError !== undefined && (
                <Text c="red.9" size="sm" id="scores-error">
                  {scoresError}
                </Text>
              )}
              <Group>
                <Button variant="default" onClick={() => form.insertListItem('scores', { name: '', value: '' })}>
                  Add a score
                </Button>
              </Group>
            </Stack>
          </fieldset>
          <Group>
            <Button type="submit" loading={form.submitting}>
              Record the scores
            </Button>
          </Group>
        </Stack>
      </form>
    </FormSection>
  );
};

interface DebriefValues extends Record<string, unknown> {
  providerId: string;
  observationId: string;
  heldOn: string;
  strengths: string;
  nextSteps: string;
}
const DEBRIEF_FIELDS: ReadonlySet<string> = new Set([
  'providerId',
  'observationId',
  'heldOn',
  'strengths',
  'nextSteps',
]);

/** Records the debrief the provider reads: strengths and next steps, never a score. */
export const HoldDebriefForm = () => {
  const [outcome, setOutcome] = useState<Outcome>();
  const form = useForm<DebriefValues>({
    mode: 'uncontrolled',
    initialValues: { providerId: '', observationId: '', heldOn: today(), strengths: '', nextSteps: '' },
  });
  const submit = form.onSubmit(async ({ strengths, nextSteps, ...values }) =>
    setOutcome(
      await sendObserverCommand(
        form,
        HOLD_DEBRIEF,
        { ...values, strengths: sentencesOf(strengths), nextSteps: sentencesOf(nextSteps) },
        DEBRIEF_FIELDS,
        `The debrief of observation ${values.observationId} with ${values.providerId} is recorded.`,
      ),
    ),
  );
  return (
    <FormSection id="debrief-heading" title="Hold the debrief">
      <form onSubmit={submit} noValidate aria-label="Hold the debrief">
        <Stack gap="sm" maw={560}>
          <OutcomeAlert outcome={outcome} what="Debrief" />
          <TextInput label="Provider" required key={form.key('providerId')} {...form.getInputProps('providerId')} />
          <TextInput
            label="Observation id"
            required
            key={form.key('observationId')}
            {...form.getInputProps('observationId')}
          />
          <TextInput label="Held on" type="date" required key={form.key('heldOn')} {...form.getInputProps('heldOn')} />
          <Textarea
            label="Strengths"
            description="One a line; the provider reads them"
            required
            autosize
            minRows={2}
            key={form.key('strengths')}
            {...form.getInputProps('strengths')}
          />
          <Textarea
            label="Next steps"
            description="One a line"
            required
            autosize
            minRows={2}
            key={form.key('nextSteps')}
            {...form.getInputProps('nextSteps')}
          />
          <Group>
            <Button type="submit" loading={form.submitting}>
              Record the debrief
            </Button>
          </Group>
        </Stack>
      </form>
    </FormSection>
  );
};
