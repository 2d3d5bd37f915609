import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GuideShell } from './guide-shell';

describe('a guide’s shell', () => {
  let folder = '';
  let shell: GuideShell;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'guide-shell-'));
    shell = new GuideShell(folder, { PATH: process.env['PATH'] });
  });
  afterEach(() => {
    shell.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('keeps variables, functions, the folder and files from one command to the next', async () => {
    await shell.run('export API=http://127.0.0.1:3000; greeting=hello; shout() { echo "$1!"; }');
    await shell.run('mkdir inner && cd inner && echo kept > note.txt');
    const ran = await shell.run('shout "$greeting $API"; cat note.txt; basename "$PWD"');
    expect(ran).toEqual({ status: 0, output: 'hello http://127.0.0.1:3000!\nkept\ninner\n' });
  });

  it('gives the next command the exit status of the one before, as `echo $?` reads it', async () => {
    expect((await shell.run('ls no-such-file')).status).toBe(2);
    expect((await shell.run('echo $?')).output).toBe('2\n');
    expect((await shell.run('echo $?')).output).toBe('0\n');
  });

  it('stops a command that does not end within its limit, and says so', async () => {
    const hasty = new GuideShell(folder, { PATH: process.env['PATH'] }, 300);
    const ran = await hasty.run('echo waiting; sleep 600');
    hasty.stop();
    expect(ran.status).toBe(124);
    expect(ran.output).toBe('waiting\n(stopped: still running after 300 ms)\n');
  });

  it('interleaves stdout and stderr as a terminal shows them', async () => {
    const ran = await shell.run('echo one; echo two >&2; echo three');
    expect(ran.output).toBe('one\ntwo\nthree\n');
  });

  it('stops a script at its first failing command, and is not held up by what a command leaves running', async () => {
    const script = await shell.run('false\necho never', true);
    expect(script).toEqual({ status: 1, output: '' });
    const background = await shell.run('sleep 600 & echo started');
    expect(background).toEqual({ status: 0, output: 'started\n' });
  });
});
