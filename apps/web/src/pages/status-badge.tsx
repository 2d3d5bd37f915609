import { Badge } from '@mantine/core';

/**
 * A status as a word first and a colour second: the word carries it for every reader, in near-black
 * on the colour's tint so it reads at full contrast whatever the colour.
 */
const COLOURS: ReadonlyMap<string, string> = new Map([
  ['met', 'green'],
  ['done', 'green'],
  ['partial', 'yellow'],
  ['due', 'orange'],
  ['upcoming', 'gray'],
  ['none', 'red'],
  ['overdue', 'red'],
  ['not-applicable', 'gray'],
  ['behind', 'red'],
  ['on-cadence', 'green'],
]);

export const StatusBadge = ({ status }: { readonly status: string }) => (
  <Badge color={COLOURS.get(status) ?? 'gray'} variant="light" c="dark.9" data-status={status}>
    {status}
  </Badge>
);
