import { List, Stack, Table, Text, Title } from '@mantine/core';
import { QueryState } from '../../app/query-state';
import { StatusBadge } from '../status-badge';
import { useCycles, useDebriefs, usePlans } from './coach-reads';

/** The provider's coaching cycles under each Practice-Based Coaching agreement (`002`). */
export const CyclesSection = ({ providerId }: { readonly providerId: string }) => (
  <section aria-labelledby="cycles-heading">
    <Title order={2} id="cycles-heading" mb="sm">
      Coaching cycles
    </Title>
    <QueryState query={useCycles(providerId)} what="coaching cycles">
      {({ agreements }) =>
        agreements.length === 0 ? (
          <Text>No coaching agreement yet.</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Agreement</Table.Th>
                  <Table.Th scope="col">Stage</Table.Th>
                  <Table.Th scope="col">Cycles</Table.Th>
                  <Table.Th scope="col">Pace</Table.Th>
                  <Table.Th scope="col">Days since the last</Table.Th>
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
                    <Table.Td>{agreement.daysSinceLastCycle ?? '—'}</Table.Td>
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

/** The provider's action plans: goals (achieved or not) and the steps toward them. */
export const PlansSection = ({ providerId }: { readonly providerId: string }) => (
  <section aria-labelledby="plans-heading">
    <Title order={2} id="plans-heading" mb="sm">
      Action plan
    </Title>
    <QueryState query={usePlans(providerId)} what="action plans">
      {({ actionPlans }) =>
        actionPlans.length === 0 ? (
          <Text>No action plan yet.</Text>
        ) : (
          <Stack gap="md">
            {actionPlans.map((plan) => (
              <Stack gap={4} key={plan.actionPlanId}>
                <Title order={3} size="h5">
                  Set on {plan.setOn}
                </Title>
                <List>
                  {plan.goals.map((goal) => (
                    <List.Item key={goal.goalId}>
                      {goal.practice}: {goal.description}{' '}
                      {goal.achievedOn === null ? '(in progress)' : `(achieved on ${goal.achievedOn})`}
                    </List.Item>
                  ))}
                </List>
                {plan.steps.length > 0 && (
                  <>
                    <Text size="sm" fw={600}>
                      Steps
                    </Text>
                    <List type="ordered">
                      {plan.steps.map((step, index) => (
                        <List.Item key={index}>{step}</List.Item>
                      ))}
                    </List>
                  </>
                )}
              </Stack>
            ))}
          </Stack>
        )
      }
    </QueryState>
  </section>
);

/** Each debrief's strengths and next steps, newest last, as the provider also reads them. */
export const DebriefsSection = ({ providerId }: { readonly providerId: string }) => (
  <section aria-labelledby="debriefs-heading">
    <Title order={2} id="debriefs-heading" mb="sm">
      Debriefs
    </Title>
    <QueryState query={useDebriefs(providerId)} what="debriefs">
      {({ debriefs }) =>
        debriefs.length === 0 ? (
          <Text>No debrief yet.</Text>
        ) : (
          <Stack gap="md">
            {debriefs.map((debrief) => (
              <Stack gap={4} key={debrief.observationId}>
                <Title order={3} size="h5">
                  Debrief of {debrief.heldOn}
                </Title>
                <Text size="sm" fw={600}>
                  Strengths
                </Text>
                <List>
                  {debrief.strengths.map((strength, index) => (
                    <List.Item key={index}>{strength}</List.Item>
                  ))}
                </List>
                <Text size="sm" fw={600}>
                  Next steps
                </Text>
                <List>
                  {debrief.nextSteps.map((step, index) => (
                    <List.Item key={index}>{step}</List.Item>
                  ))}
                </List>
              </Stack>
            ))}
          </Stack>
        )
      }
    </QueryState>
  </section>
);
