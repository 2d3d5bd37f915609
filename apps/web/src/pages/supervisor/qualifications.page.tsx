import { Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import type { CoachesView } from '@coachline/projections';
import { useState } from 'react';
import { useSession } from '../../api/session';
import { Page } from '../../app/page';
import { ReadState } from './read-state';
import { useCoaches } from './supervisor-reads';
import { type QualificationToVerify, VerifyQualificationDialog } from './verify-qualification';

type Coach = CoachesView['coaches'][number];

const listed = (values: ReadonlyArray<string>): string => (values.length === 0 ? '—' : values.join('; '));

const CoachQualifications = ({
  coach,
  onVerify,
}: {
  readonly coach: Coach;
  readonly onVerify: (qualification: QualificationToVerify) => void;
}) => (
  <Card withBorder component="section" aria-labelledby={`coach-${coach.coachId}`} data-coach={coach.coachId}>
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h3" id={`coach-${coach.coachId}`}>
          {coach.name} ({coach.coachId})
        </Title>
        <Text size="sm">
          {coach.communityId} · {coach.verified ? 'verified' : 'not verified yet'}
        </Text>
      </Group>
      {coach.qualifications.length === 0 ? (
        <Text size="sm">No qualification is recorded for {coach.coachId}.</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table>
            <Table.Caption>Qualifications of {coach.name}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Credential</Table.Th>
                <Table.Th scope="col">Pathway</Table.Th>
                <Table.Th scope="col">Training content</Table.Th>
                <Table.Th scope="col">Competencies</Table.Th>
                <Table.Th scope="col">Recorded</Table.Th>
                <Table.Th scope="col">Verified</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {coach.qualifications.map((qualification) => (
                <Table.Tr key={qualification.qualificationId} data-qualification={qualification.qualificationId}>
                  <Table.Th scope="row">{qualification.credential}</Table.Th>
                  <Table.Td>{qualification.pathway ?? '—'}</Table.Td>
                  <Table.Td>{listed(qualification.trainingContent)}</Table.Td>
                  <Table.Td>
                    {qualification.competencies.length === 0 ? (
                      '—'
                    ) : (
                      <List size="sm">
                        {qualification.competencies.map((competency) => (
                          <List.Item key={competency}>{competency}</List.Item>
                        ))}
                      </List>
                    )}
                  </Table.Td>
                  <Table.Td>{qualification.recordedOn}</Table.Td>
                  <Table.Td data-column="verified">
                    {qualification.verified ? (
                      `by ${qualification.verifiedBy ?? 'someone'} on ${qualification.verifiedOn ?? 'an unrecorded day'}`
                    ) : (
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Verify ${qualification.credential} of ${coach.coachId}`}
                        onClick={() =>
                          onVerify({
                            coachId: coach.coachId,
                            qualificationId: qualification.qualificationId,
                            credential: qualification.credential,
                          })
                        }
                      >
                        Verify
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  </Card>
);

/**
 * `/#/qualifications`: each coach's qualifications (credential, pathway, training content,
 * competencies) and who verified them (`003`); an unverified one is verified from here.
 */
export const QualificationsPage = () => {
  const coaches = useCoaches();
  const session = useSession();
  const [verifying, setVerifying] = useState<QualificationToVerify>();
  return (
    <Page title="Qualifications">
      <ReadState query={coaches} what="coaches">
        {({ coaches: rows }) =>
          rows.length === 0 ? (
            <Text>No coach is registered yet.</Text>
          ) : (
            <Stack gap="md">
              {rows.map((coach) => (
                <CoachQualifications key={coach.coachId} coach={coach} onVerify={setVerifying} />
              ))}
            </Stack>
          )
        }
      </ReadState>
      {verifying !== undefined && session.data != null && (
        <VerifyQualificationDialog
          qualification={verifying}
          verifiedBy={session.data.accountId}
          onClose={() => setVerifying(undefined)}
        />
      )}
    </Page>
  );
};
