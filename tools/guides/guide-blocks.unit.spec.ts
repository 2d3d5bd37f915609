import { guideBlocks } from './guide-blocks';
import { compareOutput, describeDifference, mask } from './shown-output';

const fence = '```';

describe('reading a guide’s shell blocks', () => {
  const guide = [
    '# A guide',
    '',
    `${fence}console`,
    '$ npx coachline demo --out year.jsonl \\',
    '    --providers 24',
    'wrote 1851 events (24 providers, seed 2025) to year.jsonl',
    '$ echo $?',
    '0',
    fence,
    '',
    `${fence}sh`,
    'curl -s $API/health',
    fence,
    '',
    `${fence}json`,
    '{"status":"ok"}',
    fence,
    '',
    'Prose between.',
    '',
    `${fence}json`,
    '{"not":"an output"}',
    fence,
    '',
    '<!-- not run: needs an EventStoreDB cluster -->',
    `${fence}sh`,
    'npx coachline verify --store esdb://127.0.0.1:2113',
    fence,
    '',
    '<!-- needs: postgres -->',
    '<!-- run: api COACHLINE_DATA_DIR=./audit-store -->',
    `${fence}console`,
    '$ curl -s $API/health',
    '{"status":"ok"}',
    fence,
    '',
    `${fence}ts`,
    'const notShell = true;',
    fence,
    '',
    fence,
    'npm run soak',
    fence,
    '',
    `${fence}console`,
    '✖ output with no command',
    fence,
    '',
    `${fence}sh`,
    'npm ci',
    fence,
  ].join('\n');

  const blocks = guideBlocks(guide);

  it('takes console commands, continuation lines included, with the lines each prints', () => {
    const [first] = blocks;
    expect(first).toMatchObject({
      kind: 'console',
      line: 3,
      commands: [
        {
          text: 'npx coachline demo --out year.jsonl \\\n    --providers 24',
          expected: 'wrote 1851 events (24 providers, seed 2025) to year.jsonl',
        },
        { text: 'echo $?', expected: '0' },
      ],
    });
  });

  it('takes the block right after a script as its output, and a block after prose as nothing', () => {
    expect(blocks[1]).toMatchObject({ kind: 'script', script: 'curl -s $API/health', expected: '{"status":"ok"}' });
    expect(blocks.map((block) => block.line)).not.toContain(21);
  });

  it('counts a marked block as not run, and takes where a block starts the API and what it needs', () => {
    expect(blocks[2]).toMatchObject({ kind: 'not-run', reason: 'needs an EventStoreDB cluster' });
    expect(blocks[3]).toMatchObject({
      kind: 'console',
      api: { env: [['COACHLINE_DATA_DIR', './audit-store']] },
      needs: ['postgres'],
    });
    expect(blocks[0]).toMatchObject({ needs: [] });
  });

  it('refuses unlabelled commands, a console block without a command, and npm ci unmarked', () => {
    expect(blocks.slice(4).map((block) => [block.kind, block.title])).toEqual([
      ['refused', 'npm run soak'],
      ['refused', '✖ output with no command'],
      ['refused', 'npm ci'],
    ]);
  });
});

describe('comparing shown output with printed output', () => {
  it('masks ids, instants, hashes, durations and temp folders on both sides', () => {
    expect(
      mask(
        'id 5d11080e-4f2b-4c4e-9d1a-0b7f7a9c2e11 at 2026-11-28T01:28:54.968Z took 12 ms ' +
          `head ${'ab'.repeat(32)} in /tmp/h5docs/history.jsonl`,
      ),
    ).toBe('id <uuid> at <instant> took <duration> head <sha-256> in <temp-path>/history.jsonl');
  });

  it('matches when only masked parts differ', () => {
    const shown = 'store: 1851 events, chain intact, head ' + '0'.repeat(64) + '\n(2.077527ms)';
    const printed = 'store: 1851 events, chain intact, head ' + 'f'.repeat(64) + '\n(0.4ms)';
    expect(compareOutput(shown, printed).matches).toBe(true);
  });

  it('fails on a difference in an unmasked place, and says where', () => {
    const shown = 'imported 1851 events into ./audit-store at 2026-01-01T00:00:00.000Z';
    const printed = 'imported 1850 events into ./audit-store at 2026-12-06T07:00:00.000Z';
    const comparison = compareOutput(shown, printed);
    expect(comparison.matches).toBe(false);
    expect(describeDifference(comparison)).toContain(
      '- imported 1851 events into ./audit-store at <instant>\n+ imported 1850 events into ./audit-store at <instant>',
    );
  });

  it('takes … as any text within a line and as any lines on a line of its own', () => {
    const printed = 'header\nrow 1\nrow 2\nrow 3\nfooter: 3 rows, done';
    expect(compareOutput('header\n…\nfooter: … rows, done', printed).matches).toBe(true);
    expect(compareOutput('header\n…\nfooter: 4 rows, done', printed).matches).toBe(false);
    expect(compareOutput('header\nrow 1', printed).matches).toBe(false);
  });
});
