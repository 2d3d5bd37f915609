import { Alert } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiRefusal } from '../../api/client';
import { QueryState } from '../../app/query-state';

/**
 * A read of the program's staff: as `QueryState` shows it, except that the API's 403 is said as
 * what it is, "not allowed", with the API's own sentence, rather than as a read that failed.
 */
export const ReadState = <A,>({
  query,
  what,
  children,
}: {
  readonly query: UseQueryResult<A>;
  readonly what: string;
  readonly children: (answer: A) => ReactNode;
}) => {
  if (query.error instanceof ApiRefusal && query.error.status === 403)
    return (
      <Alert color="red" title={`You are not allowed to read the ${what}`} role="alert" data-refusal="forbidden">
        {query.error.body.message}
      </Alert>
    );
  return (
    <QueryState query={query} what={what}>
      {children}
    </QueryState>
  );
};
