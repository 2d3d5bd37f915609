import { Anchor, Button, Group, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { Page } from '../../app/page';
import { QueryState } from '../../app/query-state';
import { useTimeline } from './coach-reads';
import { CoachingLogSection } from './coaching-log-section';
import { DosageChart, monthsOf } from './dosage-chart';
import { CyclesSection, DebriefsSection, PlansSection } from './provider-record-sections';

/** `/#/providers/:providerId`: one provider's dosage by month, cycles, plan, debriefs and sessions. */
export const ProviderPage = () => {
  const providerId = useParams()['providerId'] ?? '';
  const timeline = useTimeline(providerId);
  return (
    <Page title={`Provider ${providerId}`}>
      <Group>
        <Button component={Link} to={`/sessions/new?providerId=${encodeURIComponent(providerId)}`}>
          Log a session with {providerId}
        </Button>
        <Anchor component={Link} to="/caseload">
          Back to my caseload
        </Anchor>
      </Group>
      <section aria-labelledby="dosage-heading">
        <Title order={2} id="dosage-heading" mb="sm">
          Dosage by month
        </Title>
        <QueryState query={timeline} what="timeline">
          {({ providers }) => {
            const provider = providers[0];
            if (provider === undefined) return <Text>No such provider is enrolled.</Text>;
            return (
              <>
                <Text size="sm" mb="sm">
                  Site {provider.siteId} ({provider.setting}), enrolled on {provider.enrolledOn}
                  {provider.exitedOn === null ? '' : `, exited on ${provider.exitedOn}`}.
                </Text>
                <DosageChart months={monthsOf(provider.requirements)} />
              </>
            );
          }}
        </QueryState>
      </section>
      <CoachingLogSection providerId={providerId} />
      <CyclesSection providerId={providerId} />
      <PlansSection providerId={providerId} />
      <DebriefsSection providerId={providerId} />
    </Page>
  );
};
