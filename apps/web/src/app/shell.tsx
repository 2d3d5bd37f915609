import { AppShell, Burger, Button, Group, NavLink, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type ReactNode, useRef } from 'react';
import { NavLink as RouterNavLink, useLocation, useNavigate } from 'react-router';
import { type SignedIn, useSignOut } from '../api/session';
import { PAGES_BY_ROLE } from '../pages/registry';
import { ErrorBoundary } from './error-boundary';

/**
 * The frame of every signed-in page: who is signed in and a way out, the role's pages, and the
 * page itself in the main landmark. The skip link moves focus rather than following a fragment,
 * since the hash holds the page's route.
 */
export const Shell = ({ session, children }: { readonly session: SignedIn; readonly children: ReactNode }) => {
  const [opened, { toggle, close }] = useDisclosure(false);
  const main = useRef<HTMLElement>(null);
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const pages = PAGES_BY_ROLE[session.role].filter((page) => page.label !== undefined);
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <UnstyledButton
        className="skip-link"
        onClick={() => {
          main.current?.focus();
        }}
      >
        Skip to the page
      </UnstyledButton>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Show the navigation" />
            <Text fw={700} size="lg" component="span">
              Coachline
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" component="span" data-testid="signed-in-as">
              <VisuallyHidden>Signed in as </VisuallyHidden>
              {session.accountId} ({session.role})
            </Text>
            <Button
              variant="default"
              size="xs"
              onClick={async () => {
                await signOut().catch(() => undefined);
                navigate('/sign-in', { replace: true });
              }}
            >
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label="Pages">
        <Title order={2} size="sm" c="dimmed" mb="xs">
          Pages
        </Title>
        {pages.map((page) => (
          <NavLink
            key={page.path}
            component={RouterNavLink}
            to={`/${page.path}`}
            label={page.label}
            active={location.pathname === `/${page.path}`}
            onClick={close}
            // The active page's tint alone marks it; its label keeps the body text's full contrast.
            styles={{ label: { color: 'var(--mantine-color-text)' } }}
            fw={location.pathname === `/${page.path}` ? 700 : 400}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main ref={main} tabIndex={-1} id="main">
        <ErrorBoundary resetKey={location.pathname}>{children}</ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
};
