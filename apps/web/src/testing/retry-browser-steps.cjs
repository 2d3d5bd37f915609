// A browser step waits on a real page served by a real API on a shared two-core machine: one that
// loses a race to a re-render is tried again (and its first failure printed) before it fails the run.
jest.retryTimes(1, { logErrorsBeforeRetry: true });
