import { Alert, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import * as E from 'fp-ts/Either';
import { StatusBadge } from '../status-badge';
import { communityOfProvider, type HistoryEntry, replayedDosage, useStreamHistory } from './stream-history';

/**
 * A provider's dosage by month as the program knew it at the moment read: both streams it rests
 * on are read as of that moment and folded by the dosage view itself.
 */
export const ReplayedDosage = ({
  providerId,
  asOf,
  providerEvents,
}: {
  readonly providerId: string;
  readonly asOf: string;
  readonly providerEvents: ReadonlyArray<HistoryEntry>;
}) => {
  const communityId = communityOfProvider(providerEvents);
  const community = useStreamHistory(communityId === undefined ? undefined : `community-${communityId}`, asOf);
  const heading = (
    <Title order={2} id="replayed-dosage-heading" mb="sm">
      Dosage as the program knew it then
    </Title>
  );
  if (communityId === undefined || community.data === undefined)
    return (
      <section aria-labelledby="replayed-dosage-heading">
        {heading}
        <Text>
          {communityId === undefined
            ? 'The provider was not enrolled by that moment.'
            : community.isError
              ? `The community's history could not be read: ${community.error.message}`
              : 'Reading the community’s history…'}
        </Text>
      </section>
    );
  const dosage = replayedDosage(providerId, asOf, [community.data.events, providerEvents]);
  return (
    <section aria-labelledby="replayed-dosage-heading">
      {heading}
      {E.isLeft(dosage) ? (
        <Alert color="red" role="alert" title="The history could not be replayed">
          {dosage.left}
        </Alert>
      ) : dosage.right === undefined || dosage.right.months.length === 0 ? (
        <Text>No month of the provider's year had begun by that moment.</Text>
      ) : (
        <Table data-testid="replayed-dosage">
          <Table.Caption>
            <VisuallyHidden>Coaching minutes each month as of {asOf}</VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Month</Table.Th>
              <Table.Th scope="col">Minutes</Table.Th>
              <Table.Th scope="col">Target</Table.Th>
              <Table.Th scope="col">Dosage</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dosage.right.months.map((month) => (
              <Table.Tr key={month.month} data-month={month.month}>
                <Table.Th scope="row">{month.month}</Table.Th>
                <Table.Td data-testid="minutes">{month.minutes}</Table.Td>
                <Table.Td>{dosage.right?.targetMinutes ?? '—'}</Table.Td>
                <Table.Td>
                  <StatusBadge status={month.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
};
