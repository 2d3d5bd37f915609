import { Slider, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Page } from '../../app/page';
import { QueryState } from '../../app/query-state';
import { CommunityAsOf } from './community-as-of';
import { HistoryEvents } from './history-events';
import { ProviderAsOf } from './provider-as-of';
import { kindOfStream, type StreamHistory, useStreamHistory } from './stream-history';
import { StreamPicker } from './stream-picker';

/** The distinct moments the stream's events were recorded at, oldest first: the slider's stops. */
const instantsOf = (history: StreamHistory): string[] => [...new Set(history.events.map((event) => event.recordedAt))];

/**
 * The slider over the stream's recorded moments, and what was known at the chosen one: the
 * stream's events by then and the views the API replays as of then (a provider's dosage, timeline
 * and cycles; a community's program report for that moment's month). Arrow keys, Home and End
 * move it a moment at a time.
 */
const AsOfReader = ({ stream, instants }: { readonly stream: string; readonly instants: ReadonlyArray<string> }) => {
  const last = instants.length - 1;
  const [index, setIndex] = useState(last);
  useEffect(() => setIndex(last), [stream, last]);
  // Each read of the history is itself recorded: one read once the slider rests, not one per step.
  const [settled] = useDebouncedValue(index, 250);
  const asOf = instants[Math.min(settled, last)] ?? instants[last]!;
  const shown = instants[Math.min(index, last)] ?? asOf;
  const history = useStreamHistory(stream, asOf);
  const subject = kindOfStream(stream);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text id="as-of-label" fw={600}>
          Read as of
        </Text>
        <Slider
          min={0}
          max={Math.max(last, 0)}
          step={1}
          value={Math.min(index, last)}
          onChange={setIndex}
          label={(value) => instants[value] ?? ''}
          thumbLabel="Moment to read the stream as of"
          disabled={last === 0}
          aria-describedby="as-of-moment"
        />
        <Text size="sm" id="as-of-moment" aria-live="polite" data-testid="as-of-moment">
          {shown}: moment {Math.min(index, last) + 1} of {instants.length}
        </Text>
      </Stack>
      <QueryState query={history} what="history as of that moment">
        {(answer) => (
          <>
            {subject?.kind === 'provider' && <ProviderAsOf providerId={subject.id} asOf={asOf} />}
            {subject?.kind === 'community' && <CommunityAsOf communityId={subject.id} asOf={asOf} />}
            <section aria-labelledby="events-heading">
              <Title order={2} id="events-heading" mb="sm">
                Events
              </Title>
              <HistoryEvents events={answer.events} />
            </section>
          </>
        )}
      </QueryState>
    </Stack>
  );
};

/**
 * `/#/history?stream=provider-p-017`: one stream's history as recorded, and the program's view of
 * it at any moment of it. The API records each read in the access log.
 */
export const HistoryPage = () => {
  const [params, setParams] = useSearchParams();
  const stream = params.get('stream') ?? undefined;
  const whole = useStreamHistory(stream);
  return (
    <Page title="History">
      <StreamPicker key={stream ?? ''} stream={stream} onPick={(picked) => setParams({ stream: picked })} />
      {stream !== undefined && (
        <QueryState query={whole} what={`history of ${stream}`}>
          {(history) => <AsOfReader stream={stream} instants={instantsOf(history)} />}
        </QueryState>
      )}
    </Page>
  );
};
