import { Group, Select } from '@mantine/core';
import { today } from '../../app/today';

/** The months a report may be read for: this one and the eleven before it, newest first (`YYYY-MM`). */
export const recentMonths = (day: string = today(), count = 12): string[] => {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return Array.from({ length: count }, (_, back) => {
    const index = year * 12 + (month - 1) - back;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
};

/** The communities the coaches are registered in, each once, in order. */
export const communitiesOf = (rows: ReadonlyArray<{ readonly communityId: string }>): string[] =>
  [...new Set(rows.map((row) => row.communityId))].sort();

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
