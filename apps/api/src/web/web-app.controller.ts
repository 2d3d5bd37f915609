import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { API_SETTINGS, type ApiSettings } from '../app/injection-tokens';
import { ApiException } from '../http/api-error';
import { Public } from '../auth/route-access';
import { webAppFolder } from './web-app-folder';

/**
 * What the page may load and do: its own scripts only (no inline script, nothing from elsewhere),
 * requests to this API only, never framed. Styles may be inline: the component library sets
 * element styles at run time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const CONTENT_TYPES: ReadonlyMap<string, string> = new Map([
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.html', 'text/html; charset=utf-8'],
  ['.json', 'application/json; charset=utf-8'],
  ['.map', 'application/json; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.jpg', 'image/jpeg'],
  ['.webp', 'image/webp'],
  ['.ico', 'image/x-icon'],
  ['.woff', 'font/woff'],
  ['.woff2', 'font/woff2'],
  ['.txt', 'text/plain; charset=utf-8'],
]);

const NOT_BUILT = [
  '<!doctype html>',
  '<html lang="en"><head><meta charset="utf-8"><title>Coachline</title></head>',
  '<body><h1>Coachline</h1><p>The web app is not built yet. Run <code>npm run build:apps</code>, then reload this page.',
  'The API itself is running: see <a href="/docs/html">/docs/html</a>.</p></body></html>',
].join('\n');

const pageHeaders = (response: Response): void => {
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
};

const noSuchAsset = (path: string): ApiException =>
  new ApiException(404, {
    code: 'not-found',
    message: `The web app has no file ${path}.`,
    errors: [{ path: 'path', message: 'no such file' }],
  });

/**
 * The built web app: its page at `/` and its files under `/assets/`. Its own routes are hash
 * routes (`/#/caseload`), so no page path ever meets one of the API's.
 */
@Controller()
export class WebAppController {
  private readonly folder: string;

  constructor(@Inject(API_SETTINGS) settings: ApiSettings) {
    this.folder = webAppFolder(settings.webDir);
  }

  @Get()
  @Public()
  async page(@Res() response: Response): Promise<void> {
    pageHeaders(response);
    // The page names the current assets by their hashed names: it must be fetched again each time.
    response.setHeader('Cache-Control', 'no-cache');
    let page: Buffer;
    try {
      page = await readFile(join(this.folder, 'index.html'));
    } catch (error) {
      if (!['ENOENT', 'ENOTDIR', 'EISDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
      response.status(200).type('html').send(NOT_BUILT);
      return;
    }
    response.status(200).setHeader('Content-Type', 'text/html; charset=utf-8');
    response.send(page);
  }

  @Get('assets/*path')
  @Public()
  async asset(@Req() request: Request, @Res() response: Response): Promise<void> {
    const assets = join(this.folder, 'assets');
    let path: string;
    try {
      path = join(assets, decodeURIComponent(request.path.slice('/assets/'.length)));
    } catch {
      throw noSuchAsset(request.path);
    }
    const inside = relative(assets, path);
    if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || inside.includes('\0'))
      throw noSuchAsset(request.path);
    let file: Buffer;
    try {
      file = await readFile(path);
    } catch (error) {
      if (['ENOENT', 'ENOTDIR', 'EISDIR'].includes((error as NodeJS.ErrnoException).code ?? ''))
        throw noSuchAsset(request.path);
      throw error;
    }
    response.setHeader('X-Content-Type-Options', 'nosniff');
    // Built assets carry their content's hash in their names: one name, one content, for good.
    response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    response.setHeader('Content-Type', CONTENT_TYPES.get(extname(path).toLowerCase()) ?? 'application/octet-stream');
    response.status(200).send(file);
  }
}
