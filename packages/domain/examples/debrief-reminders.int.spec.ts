import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The specifications of docs/embedding.md run under node's own test runner, not only under jest.
const domainDir = join(__dirname, '..');

const nodeTest = (file: string) => {
  const env: NodeJS.ProcessEnv = { ...process.env, TSX_TSCONFIG_PATH: join(domainDir, 'tsconfig.json') };
  delete env['NODE_OPTIONS'];
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', file], {
    cwd: domainDir,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
};

describe('decider specifications under node --test', () => {
  it('passes the guide’s specifications: then, thenFails and thenNothingHappened', () => {
    const run = nodeTest(join(__dirname, 'debrief-reminders.node-test.ts'));
    expect(run.output).toContain('# pass 6');
    expect(run.output).toContain('# fail 0');
    expect(run.status).toBe(0);
  }, 60_000);

  it('fails a wrong specification with the AssertionError naming the command and the difference', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coachline-node-test-'));
    try {
      const file = join(dir, 'wrong.node-test.ts');
      writeFileSync(
        file,
        [
          `import { it } from 'node:test';`,
          `import { command, deciderSpec } from ${JSON.stringify(join(domainDir, 'src/testing.ts'))};`,
          `import { debriefReminders } from ${JSON.stringify(join(__dirname, 'debrief-reminders.ts'))};`,
          `const remind = command<any>('SendDebriefReminder', { sessionId: 's-0410', coachId: 'c-03' });`,
          `it('expects the wrong coach', () =>`,
          `  deciderSpec(debriefReminders).given([]).when(remind).then([{ type: 'DebriefReminderSent', data: { sessionId: 's-0410', coachId: 'c-04' } }]));`,
        ].join('\n'),
      );
      const run = nodeTest(file);
      expect(run.output).toContain('# fail 1');
      expect(run.output).toContain('AssertionError');
      expect(run.output).toContain('SendDebriefReminder given no events: decided other events than expected');
      // The TAP report escapes the message's quotes.
      expect(run.output).toMatch(/events\[0\]\.data\.coachId: expected \\*"c-04\\*", got \\*"c-03\\*"/);
      expect(run.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
