import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { Page } from '../app/page';

export const NotFoundPage = () => (
  <Page title="No such page">
    <Text>
      There is no page here.{' '}
      <Anchor component={Link} to="/">
        Go to your first page
      </Anchor>
      .
    </Text>
  </Page>
);

export const NoPagesYet = () => (
  <Page title="Welcome">
    <Text>The web app has no pages for your role yet; the API and the command line serve it in the meantime.</Text>
  </Page>
);
