import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from '../api/session';
import { landingPath, PAGES_BY_ROLE } from '../pages/registry';
import { NoPagesYet, NotFoundPage } from '../pages/not-found.page';
import { Shell } from './shell';

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
        {PAGES_BY_ROLE[signedIn.role].map(({ path, component: Component }) => (
          <Route key={path} path={path} element={<Component />} />
        ))}
        <Route index element={landing === undefined ? <NoPagesYet /> : <Navigate to={`/${landing}`} replace />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Shell>
  );
};
