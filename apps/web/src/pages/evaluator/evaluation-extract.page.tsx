import { Alert, Button, Group, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { Page } from '../../app/page';
import { QueryState } from '../../app/query-state';
import { today } from '../../app/today';
import { downloadExtract, type ExtractFormat } from './extract-download';

/** The parts of `GET /views/evaluation` this page counts; the file saved holds the whole view. */
interface EvaluationCounts {
  readonly asOf: string;
  readonly communities: ReadonlyArray<{
    readonly communityId: string;
    readonly observations: { readonly completed: number };
    readonly benchmarks: ReadonlyArray<unknown>;
    readonly screenings: { readonly summary: { readonly scored: number; readonly erased: number } };
  }>;
}

/** What each community's extract holds, in counts, so the evaluator sees what they are about to save. */
const ExtractSummary = ({ view }: { readonly view: EvaluationCounts }) =>
  view.communities.length === 0 ? (
    <Text>No community has records to evaluate yet.</Text>
  ) : (
    <Table.ScrollContainer minWidth={640}>
      <Table striped data-testid="extract-summary">
        <Table.Caption>What the extract holds for each community, as of {view.asOf}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Community</Table.Th>
            <Table.Th scope="col">Observations completed</Table.Th>
            <Table.Th scope="col">Benchmarks of Quality</Table.Th>
            <Table.Th scope="col">Screenings scored</Table.Th>
            <Table.Th scope="col">Children's data erased</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.communities.map((community) => (
            <Table.Tr key={community.communityId}>
              <Table.Th scope="row">{community.communityId}</Table.Th>
              <Table.Td>{community.observations.completed}</Table.Td>
              <Table.Td>{community.benchmarks.length}</Table.Td>
              <Table.Td>{community.screenings.summary.scored}</Table.Td>
              <Table.Td>{community.screenings.summary.erased}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );

/**
 * `/#/extract`: the de-identified evaluation extract (rules 5 and 11): providers by id only,
 * children by pseudonymous reference, an erased child's reference gone, scores dated after a
 * withdrawn consent held back. Saved as JSON or CSV.
 */
export const EvaluationExtractPage = () => {
  const evaluation = useQuery({ queryKey: ['evaluation'], queryFn: () => api<EvaluationCounts>('/views/evaluation') });
  const [saving, setSaving] = useState<ExtractFormat>();
  const [failed, setFailed] = useState<string>();
  const save = async (format: ExtractFormat) => {
    setSaving(format);
    setFailed(undefined);
    try {
      await downloadExtract(format, today());
    } catch (error) {
      setFailed(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(undefined);
    }
  };
  return (
    <Page title="De-identified extract">
      <Text>
        Providers are named by id only and children by a pseudonymous reference; a child whose data was erased is
        counted, never referenced. Every download is recorded in the access log.
      </Text>
      <Group>
        <Button onClick={() => void save('csv')} loading={saving === 'csv'}>
          Download the extract as CSV
        </Button>
        <Button variant="default" onClick={() => void save('json')} loading={saving === 'json'}>
          Download the extract as JSON
        </Button>
      </Group>
      {failed !== undefined && (
        <Alert color="red" role="alert" title="Not downloaded">
          {failed}
        </Alert>
      )}
      <section aria-labelledby="extract-summary-heading">
        <Title order={2} id="extract-summary-heading" mb="sm">
          What it holds
        </Title>
        <QueryState query={evaluation} what="evaluation">
          {(view) => <ExtractSummary view={view} />}
        </QueryState>
      </section>
    </Page>
  );
};
