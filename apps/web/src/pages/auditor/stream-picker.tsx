import { Button, Group, Select, TextInput } from '@mantine/core';
import type { StreamKind } from '@coachline/domain';
import { type FormEvent, useState } from 'react';
import { kindOfStream, STREAM_KIND_OPTIONS, streamOfKind } from './stream-history';

/** Which stream to read: its kind and the id of what it records (a provider, a community...). */
export const StreamPicker = ({
  stream,
  onPick,
}: {
  readonly stream: string | undefined;
  readonly onPick: (stream: string) => void;
}) => {
  const current = stream === undefined ? undefined : kindOfStream(stream);
  const [kind, setKind] = useState<StreamKind>(current?.kind ?? 'provider');
  const [id, setId] = useState(current?.id ?? '');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = id.trim();
    setMissing(trimmed === '');
    if (trimmed !== '') onPick(streamOfKind(kind, trimmed));
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Choose a stream">
      <Group align="flex-start">
        <Select
          label="Stream kind"
          data={[...STREAM_KIND_OPTIONS]}
          value={kind}
          onChange={(value) => value !== null && setKind(value as StreamKind)}
          allowDeselect={false}
        />
        <TextInput
          label="Id"
          description="The provider, community, coach, agreement, screening or team"
          value={id}
          onChange={(event) => setId(event.currentTarget.value)}
          error={missing ? 'Give the id of what the stream records, such as p-017.' : undefined}
        />
        <Button type="submit" mt={24}>
          Read the history
        </Button>
      </Group>
    </form>
  );
};
