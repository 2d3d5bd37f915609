import type { Role } from '@coachline/domain';
import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from '../api/session';
import { landingPath, PAGES_BY_ROLE, type RolePage } from '../pages/registry';
import { NoPagesYet, NotFoundPage } from '../pages/not-found.page';
import { Shell } from './shell';

/**
 * Every other role's page at its address, after the role's own: a page opened by its address
 * asks the API, whose refusal it shows, rather than pretending there is no such page.
 */
const othersPages = (role: Role): RolePage[] => {
  const own = new Set(PAGES_BY_ROLE[role].map((page) => page.path));
  const others = new Map<string, RolePage>();
  for (const pages of Object.values(PAGES_BY_ROLE))
    for (const page of pages) if (!own.has(page.path) && !others.has(page.path)) others.set(page.path, page);
  return [...others.values()];
};

/** Every page behind sign-in: nobody signed in goes to the sign-in page, and back here after. */
export const SignedInArea = () => {
  const session = useSession();
  const location = useLocation();
  if (session.isPending)
    return (
      <Center h="100vh" role="status" aria-label="Loading">
        <Loader />
      </Center>
    );
  if (session.isError || session.data === null) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`} replace />;
  }
  const signedIn = session.data;
  const landing = landingPath(signedIn.role);
  return (
    <Shell session={signedIn}>
      <Routes>
        {[...PAGES_BY_ROLE[signedIn.role], ...othersPages(signedIn.role)].map(({ path, component: Component }) => (
          <Route key={path} path={path} element={<Component />} />
        ))}
        <Route index element={landing === undefined ? <NoPagesYet /> : <Navigate to={`/${landing}`} replace />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Shell>
  );
};
