import { Group, Select } from '@mantine/core';
import { recentMonths } from './supervisor-figures';

/** The community and month a report is about, as two labelled selects. */
export const CommunityMonthSelects = ({
  communities,
  communityId,
  month,
  onCommunity,
  onMonth,
}: {
  readonly communities: ReadonlyArray<string>;
  readonly communityId: string;
  readonly month: string;
  readonly onCommunity: (communityId: string) => void;
  readonly onMonth: (month: string) => void;
}) => (
  <Group align="flex-end">
    <Select
      label="Community"
      data={[...communities]}
      value={communityId === '' ? null : communityId}
      onChange={(value) => onCommunity(value ?? '')}
      allowDeselect={false}
      nothingFoundMessage="No community has a coach yet"
      w={240}
    />
    <Select
      label="Month"
      data={recentMonths()}
      value={month}
      onChange={(value) => onMonth(value ?? month)}
      allowDeselect={false}
      w={160}
    />
  </Group>
);
