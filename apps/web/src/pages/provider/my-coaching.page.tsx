import { Text } from '@mantine/core';
import { Page } from '../../app/page';
import { CyclesSection, DebriefsSection, PlansSection } from '../coach/provider-record-sections';
import { OwnSessionsSection } from './own-sessions-section';
import { useOwnProviderId } from './provider-reads';

/**
 * `/#/my-coaching`: the provider's own action plan, sessions, debriefs and cycles. Observation
 * scores reach coaches and evaluators, never the provider observed (rule 5): the API sends none,
 * and no section here has a place for one.
 */
export const MyCoachingPage = () => {
  const providerId = useOwnProviderId();
  return (
    <Page title="My coaching">
      {providerId === undefined ? (
        <Text>Your account is not linked to a provider record.</Text>
      ) : (
        <>
          <PlansSection providerId={providerId} />
          <OwnSessionsSection providerId={providerId} />
          <DebriefsSection providerId={providerId} />
          <CyclesSection providerId={providerId} />
        </>
      )}
    </Page>
  );
};
