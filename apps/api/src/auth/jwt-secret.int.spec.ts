import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSigningSecret } from './jwt-secret';

describe('the signing secret', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'coachline-secret-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is generated at first start, readable by its owner only, and the same at the next start', async () => {
    const first = await loadSigningSecret(undefined, join(dir, 'data'));
    expect(first).toMatchObject({ source: 'generated', path: join(dir, 'data', 'jwt-secret') });
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect((await stat(first.path!)).mode & 0o777).toBe(0o600);
    const second = await loadSigningSecret(undefined, join(dir, 'data'));
    expect(second).toEqual({ ...first, source: 'file' });
  });

  it('is generated into a data folder made for its owner only, whatever the umask', async () => {
    const umask = process.umask(0o022);
    try {
      await loadSigningSecret(undefined, join(dir, 'made', 'data'));
    } finally {
      process.umask(umask);
    }
    expect((await stat(join(dir, 'made', 'data'))).mode & 0o777).toBe(0o700);
  });

  it('is made readable by its owner only again when kept readable by others', async () => {
    const path = join(dir, 'jwt-secret');
    await writeFile(path, 'a-kept-secret-that-is-long-enough-to-sign');
    await chmod(path, 0o644);
    expect(await loadSigningSecret(undefined, dir)).toMatchObject({
      source: 'file',
      secret: 'a-kept-secret-that-is-long-enough-to-sign',
    });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('comes from the configuration when given, and no file is written', async () => {
    const secret = 'configured-secret-of-enough-length-000';
    expect(await loadSigningSecret(secret, dir)).toEqual({ secret, source: 'environment' });
    await expect(readFile(join(dir, 'jwt-secret'))).rejects.toThrow();
  });

  it('refuses a kept secret too short to sign with', async () => {
    await writeFile(join(dir, 'jwt-secret'), 'short');
    await expect(loadSigningSecret(undefined, dir)).rejects.toThrow(/shorter than 32/);
  });
});
