import { Checkbox, NumberInput, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { SESSION_KINDS, SESSION_MODES, type SessionFormValues } from './session-form';

/** The inputs of a session, shared by logging one and correcting one; each shows its field's error. */
export const SessionInputs = <V extends SessionFormValues>({
  form,
  withAgenda = true,
}: {
  readonly form: UseFormReturnType<V>;
  /** A correction leaves it out: the coaching log does not say whether the agenda was used. */
  readonly withAgenda?: boolean;
}) => (
  <Stack gap="sm">
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput type="date" label="Held on" required key={form.key('heldOn')} {...form.getInputProps('heldOn')} />
      <NumberInput
        label="Minutes"
        description="From 1 to 480."
        required
        allowDecimal={false}
        allowNegative={false}
        clampBehavior="none"
        key={form.key('durationMinutes')}
        {...form.getInputProps('durationMinutes')}
      />
      <Select
        label="Kind"
        required
        data={[...SESSION_KINDS]}
        allowDeselect={false}
        key={form.key('kind')}
        {...form.getInputProps('kind')}
      />
      <Select
        label="Mode"
        required
        data={SESSION_MODES}
        allowDeselect={false}
        key={form.key('mode')}
        {...form.getInputProps('mode')}
      />
    </SimpleGrid>
    {withAgenda && (
      <Checkbox
        label="The coaching agenda was used"
        key={form.key('agendaUsed')}
        {...form.getInputProps('agendaUsed', { type: 'checkbox' })}
      />
    )}
    <TagsInput
      label="Practices"
      description="Press Enter after each practice."
      key={form.key('practices')}
      {...form.getInputProps('practices')}
    />
    <TagsInput
      label="Strategies"
      description="Press Enter after each strategy."
      key={form.key('strategies')}
      {...form.getInputProps('strategies')}
    />
    <Textarea label="Summary" autosize minRows={2} key={form.key('summary')} {...form.getInputProps('summary')} />
    <Textarea
      label="Next steps"
      description="One per line."
      autosize
      minRows={2}
      key={form.key('nextSteps')}
      {...form.getInputProps('nextSteps')}
    />
  </Stack>
);
