import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { HashRouter, Route, Routes } from 'react-router';
import { ApiRefusal } from '../api/client';
import { SetupPage } from '../pages/public/setup.page';
import { SignInLinkPage } from '../pages/public/sign-in-link.page';
import { SignInPage } from '../pages/public/sign-in.page';
import { ErrorBoundary } from './error-boundary';
import { SignedInArea } from './signed-in-area';
import { cssVariables, theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (no access, no such provider) will not change by asking again at once.
      retry: (failures, error) =>
        !(error instanceof ApiRefusal && error.status >= 400 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/** The routes live in the fragment (`/#/caseload`), so no page path ever meets an API route. */
export const App = () => (
  <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
    <QueryClientProvider client={queryClient}>
      <ErrorBoundary>
        <HashRouter>
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/setup" element={<SetupPage />} />
            <Route path="/sign-in-link" element={<SignInLinkPage />} />
            <Route path="/*" element={<SignedInArea />} />
          </Routes>
        </HashRouter>
      </ErrorBoundary>
    </QueryClientProvider>
  </MantineProvider>
);
