import { commandCatalogue, eventCatalogue, EventMetadata, STREAM_KINDS } from '@coachline/domain';
import { describeFields, FieldRow } from './describe-codec';

const table = (rows: ReadonlyArray<FieldRow>): string[] => [
  '| field | shape | required |',
  '| --- | --- | --- |',
  ...rows.map((r) => `| \`${r.path}\` | ${r.shape}${r.note ? ` — ${r.note}` : ''} | ${r.required ? 'yes' : 'no'} |`),
];

/** The event catalogue as Markdown, generated from the codecs themselves. */
export const renderEventCatalogue = (): string => {
  const lines: string[] = [
    '# Event catalogue',
    '',
    'Generated from the domain codecs by `npm run docs:events`; a test fails when this file is out of date.',
    'Every event is stored as one line of the event file: `{ id, stream, type, schemaVersion, data, metadata }`',
    '([the event file](event-file.md) describes the format); the rules (`rule N`) and sources (`` `00N` ``) the',
    "descriptions cite are in [the program's rules](rules.md).",
    '',
    '## Metadata (every event)',
    '',
    ...table(describeFields(EventMetadata)),
  ];
  for (const kind of STREAM_KINDS) {
    lines.push('', `## ${kind[0]!.toUpperCase()}${kind.slice(1)} stream (\`${kind}-<id>\`)`);
    for (const definition of eventCatalogue.filter((d) => d.streamKind === kind)) {
      const commands = commandCatalogue.filter((c) => c.produces.includes(definition.type)).map((c) => `\`${c.type}\``);
      lines.push(
        '',
        `### ${definition.type}`,
        '',
        definition.description,
        '',
        `Stream id: \`data.${definition.streamIdField}\` · schema version ${definition.schemaVersion}` +
          (commands.length > 0 ? ` · produced by ${commands.join(', ')}` : ''),
        '',
        ...table(describeFields(definition.data)),
      );
      for (const old of definition.history) {
        lines.push('', `Version ${old.version} (read and upcast on read):`, '', ...table(describeFields(old.data)));
      }
    }
  }
  return `${lines.join('\n')}\n`;
};
