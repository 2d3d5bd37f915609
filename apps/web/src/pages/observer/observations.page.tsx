import { Text } from '@mantine/core';
import { Page } from '../../app/page';
import { CompleteObservationForm, HoldDebriefForm, ScheduleObservationForm } from './observation-forms';

/**
 * `/#/observations`: what the API grants an observer, often outside staff with no caseload:
 * scheduling an observation, recording its scores, and holding the debrief. An observer reads no
 * view, so each form names the provider and the observation by id.
 */
export const ObservationsPage = () => (
  <Page title="Observations">
    <Text>
      Record an observation in three steps: schedule it, record its scores once it has taken place, and hold the
      debrief. The provider's consent for the instrument must be current; the API says so beside the field if not.
    </Text>
    <ScheduleObservationForm />
    <CompleteObservationForm />
    <HoldDebriefForm />
  </Page>
);
