import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryEventStore } from '@coachline/eventstore';
import { startTestApi, type TestApi } from '../testing/test-api';
import { CONTENT_SECURITY_POLICY } from './web-app.controller';

const PAGE =
  '<!doctype html><html><head><script type="module" src="/assets/index-4f2a.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = 'console.log("coachline");';

describe('the built web app, served by the API', () => {
  let folder: string;
  let api: TestApi;
  let unbuilt: TestApi;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'coachline-web-'));
    await mkdir(join(folder, 'assets'));
    await writeFile(join(folder, 'index.html'), PAGE);
    await writeFile(join(folder, 'assets', 'index-4f2a.js'), SCRIPT);
    await writeFile(join(folder, 'assets', 'index-9c1e.css'), 'body{margin:0}');
    await writeFile(join(folder, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(join(folder, 'secret.txt'), 'not an asset');
    api = await startTestApi(new InMemoryEventStore(), { webDir: folder });
    unbuilt = await startTestApi(new InMemoryEventStore(), { webDir: join(folder, 'nothing-here') });
  });
  afterAll(async () => {
    await api.close();
    await unbuilt.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('answers / with the page, under a strict content security policy, without a token', async () => {
    const page = await api.http().get('/');
    expect([page.status, page.headers['content-type'], page.text]).toEqual([200, 'text/html; charset=utf-8', PAGE]);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-cache');
    const head = await api.http().head('/');
    expect(head.status).toBe(200);
  });

  it('answers each asset with its type and for good, and a missing one or one outside the folder with 404', async () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['/assets/index-4f2a.js', 'text/javascript; charset=utf-8'],
      ['/assets/index-9c1e.css', 'text/css; charset=utf-8'],
      ['/assets/logo.svg', 'image/svg+xml'],
    ];
    for (const [path, type] of cases) {
      const asset = await api.http().get(path);
      expect([path, asset.status, asset.headers['content-type']]).toEqual([path, 200, type]);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(asset.headers['x-content-type-options']).toBe('nosniff');
    }
    expect((await api.http().get('/assets/index-4f2a.js')).text).toBe(SCRIPT);
    for (const path of [
      '/assets/missing.js',
      '/assets/',
      '/assets/%2e%2e/secret.txt',
      '/assets/..%2fsecret.txt',
      '/assets/%2e%2e%2findex.html',
      '/assets/%00.js',
    ]) {
      const missing = await api.http().get(path);
      expect([path, missing.status, missing.headers['content-type']]).toEqual([
        path,
        404,
        'application/json; charset=utf-8',
      ]);
      expect(missing.text).not.toContain('not an asset');
    }
    // A path that is not percent-encoding at all is the request's fault, never a failure of ours.
    expect((await api.http().get('/assets/%E0%A4%A')).status).toBe(400);
  });

  it('says plainly that the web app is not built when its folder has no page, never a stack trace', async () => {
    const page = await unbuilt.http().get('/');
    expect([page.status, page.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(page.text).toContain('npm run build:apps');
    expect(page.text).not.toMatch(/at \w+ \(|Error:/);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await unbuilt.http().get('/assets/index-4f2a.js')).status).toBe(404);
  });

  it('leaves the API’s own routes as they were', async () => {
    expect((await api.http().get('/health')).body).toMatchObject({ status: 'ok' });
    expect((await api.http().get('/docs')).body.openapi).toBe('3.1.0');
    expect((await api.http().get('/providers')).status).toBe(401);
    expect((await api.http().get('/views/dosage')).status).toBe(401);
    const post = await api.http().post('/').send({});
    expect([post.status, post.headers['allow']]).toEqual([405, 'GET, HEAD']);
  });
});
