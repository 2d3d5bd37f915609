import { Alert, Loader, Group, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

/** A read's three faces: loading, refused (the API's sentence), or its answer handed to `children`. */
export const QueryState = <A,>({
  query,
  what,
  children,
}: {
  readonly query: UseQueryResult<A>;
  readonly what: string;
  readonly children: (answer: A) => ReactNode;
}) => {
  if (query.isPending)
    return (
      <Group gap="xs" role="status">
        <Loader size="sm" />
        <Text size="sm">Loading {what}…</Text>
      </Group>
    );
  if (query.isError)
    return (
      <Alert color="red" title={`The ${what} could not be read`} role="alert">
        {query.error.message}
      </Alert>
    );
  return <>{children(query.data)}</>;
};
