import { Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { QueryState } from '../../app/query-state';
import { StatusBadge } from '../status-badge';
import { useCyclesAsOf, useDosageAsOf, useTimelineAsOf } from './as-of-reads';

interface AsOf {
  readonly providerId: string;
  readonly asOf: string;
}

/** The provider's minutes each month against the guide's target, as `GET /views/dosage?asOf=` answers. */
const DosageAsOf = ({ providerId, asOf }: AsOf) => (
  <section aria-labelledby="dosage-as-of-heading">
    <Title order={2} id="dosage-as-of-heading" mb="sm">
      Dosage as the program knew it then
    </Title>
    <QueryState query={useDosageAsOf(providerId, asOf)} what="dosage as of that moment">
      {(view) => {
        const provider = view.providers.find((candidate) => candidate.providerId === providerId);
        if (provider === undefined) return <Text>The provider was not enrolled by that moment.</Text>;
        if (provider.months.length === 0) return <Text>No month of the provider's year had begun by that moment.</Text>;
        return (
          <Table data-testid="dosage-as-of">
            <Table.Caption>
              <VisuallyHidden>Coaching minutes each month as of {view.asOf}</VisuallyHidden>
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
              {provider.months.map((month) => (
                <Table.Tr key={month.month} data-month={month.month}>
                  <Table.Th scope="row">{month.month}</Table.Th>
                  <Table.Td data-testid="minutes">{month.minutes}</Table.Td>
                  <Table.Td>{provider.targetMinutes ?? '—'}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={month.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        );
      }}
    </QueryState>
  </section>
);

/** Each requirement of the provider's guide with its window and status, as `GET /views/timeline?providerId=&asOf=` answers. */
const TimelineAsOf = ({ providerId, asOf }: AsOf) => (
  <section aria-labelledby="timeline-as-of-heading">
    <Title order={2} id="timeline-as-of-heading" mb="sm">
      Timeline as the program knew it then
    </Title>
    <QueryState query={useTimelineAsOf(providerId, asOf)} what="timeline as of that moment">
      {({ providers }) => {
        const provider = providers[0];
        if (provider === undefined) return <Text>The provider was not enrolled by that moment.</Text>;
        return (
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="timeline-as-of">
              <Table.Caption>
                The guide's requirements for {providerId} as of {asOf}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Requirement</Table.Th>
                  <Table.Th scope="col">Window</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Minutes</Table.Th>
                  <Table.Th scope="col">Met by</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {provider.requirements.map((requirement) => (
                  <Table.Tr
                    key={`${requirement.requirementId}-${requirement.month ?? ''}`}
                    data-requirement={requirement.requirementId}
                    data-kind={requirement.kind}
                    data-month={requirement.month ?? undefined}
                  >
                    <Table.Th scope="row">
                      {requirement.title}
                      {requirement.month === null ? '' : ` (${requirement.month})`}
                    </Table.Th>
                    <Table.Td>
                      {requirement.window.from} to {requirement.window.to}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={requirement.status} />
                    </Table.Td>
                    <Table.Td data-testid="timeline-minutes">{requirement.minutes ?? '—'}</Table.Td>
                    <Table.Td>
                      {requirement.metBy === null ? '—' : `${requirement.metBy.type} on ${requirement.metBy.date}`}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        );
      }}
    </QueryState>
  </section>
);

/** The provider's coaching agreements and their cycles, as `GET /views/cycles?asOf=` answers. */
const CyclesAsOf = ({ providerId, asOf }: AsOf) => (
  <section aria-labelledby="cycles-as-of-heading">
    <Title order={2} id="cycles-as-of-heading" mb="sm">
      Coaching cycles as the program knew them then
    </Title>
    <QueryState query={useCyclesAsOf(providerId, asOf)} what="coaching cycles as of that moment">
      {({ agreements }) =>
        agreements.length === 0 ? (
          <Text>No coaching agreement by that moment.</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table data-testid="cycles-as-of">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Agreement</Table.Th>
                  <Table.Th scope="col">Stage</Table.Th>
                  <Table.Th scope="col">Cycles</Table.Th>
                  <Table.Th scope="col">Pace</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {agreements.map((agreement) => (
                  <Table.Tr key={agreement.agreementId}>
                    <Table.Th scope="row">{agreement.agreementId}</Table.Th>
                    <Table.Td>{agreement.stage}</Table.Td>
                    <Table.Td>
                      {agreement.cyclesCompleted} of about {agreement.estimatedCycles}
                    </Table.Td>
                    <Table.Td>{agreement.pace === null ? '—' : <StatusBadge status={agreement.pace} />}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )
      }
    </QueryState>
  </section>
);

/** A provider's views replayed by the API as of the slider's moment. */
export const ProviderAsOf = (props: AsOf) => (
  <>
    <DosageAsOf {...props} />
    <TimelineAsOf {...props} />
    <CyclesAsOf {...props} />
  </>
);
