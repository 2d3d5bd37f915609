import { Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';

/** The pages before sign-in: one narrow card in the main landmark, under the page's one heading. */
export const PublicPage = ({ title, children }: { readonly title: string; readonly children: ReactNode }) => {
  useDocumentTitle(`${title} · Coachline`);
  return (
    <Container size={440} py={64} component="main">
      <Stack gap="md">
        <Text fw={700} size="lg">
          Coachline
        </Text>
        <Paper withBorder p="lg">
          <Stack gap="md">
            <Title order={1} size="h2">
              {title}
            </Title>
            {children}
          </Stack>
        </Paper>
      </Stack>
    </Container>
  );
};
