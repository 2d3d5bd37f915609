import { Card, Group, List, Progress, Stack, Table, Text, Title } from '@mantine/core';
import type { CoachingSystemView } from '@coachline/projections';
import { Page } from '../../app/page';
import { ReadState } from './read-state';
import { useCoachingSystem } from './supervisor-reads';

type Community = CoachingSystemView['communities'][number];

const mean = (value: number | null): string => (value === null ? '—' : value.toFixed(1));

const Components = ({ community }: { readonly community: Community }) => (
  <Table.ScrollContainer minWidth={560}>
    <Table striped>
      <Table.Caption>
        Components of the coaching system: {community.componentsDefined} of {community.components.length} defined
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Component</Table.Th>
          <Table.Th scope="col">Policy</Table.Th>
          <Table.Th scope="col">Defined on</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {community.components.map((component) => (
          <Table.Tr key={component.component}>
            <Table.Th scope="row">{component.title}</Table.Th>
            <Table.Td>{component.text ?? 'not defined yet'}</Table.Td>
            <Table.Td>
              {component.definedOn ?? '—'}
              {component.definitions > 1 ? ` (revised, ${component.definitions} definitions)` : ''}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  </Table.ScrollContainer>
);

const Checklist = ({ community }: { readonly community: Community }) => (
  <Stack gap="xs">
    <Group justify="space-between" maw={560}>
      <Text id={`checklist-${community.communityId}`}>Installation checklist</Text>
      <Text fw={700}>{community.checklistPercentComplete}% complete</Text>
    </Group>
    <Progress.Root maw={560} size="lg" data-testid="checklist-progress">
      <Progress.Section
        value={community.checklistPercentComplete}
        withAria
        aria-labelledby={`checklist-${community.communityId}`}
      />
    </Progress.Root>
    <Table.ScrollContainer minWidth={480}>
      <Table>
        <Table.Caption>Each checklist item at its latest record</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Item</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Recorded on</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {community.checklist.map((item) => (
            <Table.Tr key={item.item}>
              <Table.Th scope="row">{item.title}</Table.Th>
              <Table.Td>{item.status ?? 'not recorded'}</Table.Td>
              <Table.Td>{item.recordedOn ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  </Stack>
);

const Reviews = ({ community }: { readonly community: Community }) =>
  community.reviews.length === 0 ? (
    <Text>No coach of {community.communityId} is registered yet.</Text>
  ) : (
    <Table maw={480}>
      <Table.Caption>
        Coaches' reviews of the system: {community.coachesReviewed} of {community.reviews.length} reviewed
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Coach</Table.Th>
          <Table.Th scope="col">Reviewed on</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {community.reviews.map((review) => (
          <Table.Tr key={review.coachId}>
            <Table.Th scope="row">{review.coachId}</Table.Th>
            <Table.Td>{review.reviewedOn ?? 'not yet'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );

const Trainings = ({ community }: { readonly community: Community }) =>
  community.trainings.length === 0 ? (
    <Text>No training is recorded yet.</Text>
  ) : (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Caption>Training feedback: each rating's mean, from 1 to 5</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Training</Table.Th>
            <Table.Th scope="col">Held on</Table.Th>
            <Table.Th scope="col">Responses</Table.Th>
            <Table.Th scope="col">Useful</Table.Th>
            <Table.Th scope="col">Will use</Table.Th>
            <Table.Th scope="col">Diversity</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {community.trainings.map((training) => (
            <Table.Tr key={training.trainingId}>
              <Table.Th scope="row">
                {training.module} ({training.trainingId})
              </Table.Th>
              <Table.Td>{training.heldOn}</Table.Td>
              <Table.Td>{training.responses}</Table.Td>
              <Table.Td>{mean(training.meanUseful)}</Table.Td>
              <Table.Td>{mean(training.meanWillUse)}</Table.Td>
              <Table.Td>{mean(training.meanDiversity)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );

const CommunitySystem = ({ community }: { readonly community: Community }) => (
  <Card withBorder component="section" aria-labelledby={`system-${community.communityId}`}>
    <Stack gap="md" data-community={community.communityId}>
      <Title order={2} id={`system-${community.communityId}`}>
        {community.communityId}
      </Title>
      <Text>
        {community.approved === null
          ? 'Not approved by executive leadership yet.'
          : `Approved by ${community.approved.approvedBy} on ${community.approved.approvedOn}.`}
      </Text>
      <Checklist community={community} />
      <Components community={community} />
      <Title order={3}>Shared with</Title>
      {community.sharings.length === 0 ? (
        <Text>Not shared yet.</Text>
      ) : (
        <List>
          {community.sharings.map((sharing) => (
            <List.Item key={`${sharing.audience} ${sharing.sharedOn}`}>
              {sharing.audience} on {sharing.sharedOn}
            </List.Item>
          ))}
        </List>
      )}
      <Reviews community={community} />
      <Trainings community={community} />
    </Stack>
  </Card>
);

/**
 * `/#/coaching-system`: each community's district coaching system (`004`): its components,
 * approval, with whom it was shared, the coaches' reviews, how complete the installation
 * checklist is, and what participants thought of each training.
 */
export const CoachingSystemPage = () => {
  const system = useCoachingSystem();
  return (
    <Page title="Coaching system">
      <ReadState query={system} what="coaching system">
        {({ communities }) =>
          communities.length === 0 ? (
            <Text>No community has begun its coaching system.</Text>
          ) : (
            <Stack gap="lg">
              {communities.map((community) => (
                <CommunitySystem key={community.communityId} community={community} />
              ))}
            </Stack>
          )
        }
      </ReadState>
    </Page>
  );
};
