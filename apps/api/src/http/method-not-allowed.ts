import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { commandRoutes } from '../commands/command-routes';
import { NAMED_VIEWS } from '../queries/view.controller';
import { ApiException } from './api-error';

/** One method on one path the router serves, the path as OpenAPI writes it: `/providers/{id}/sessions`. */
export interface ServedOperation {
  readonly method: string;
  readonly path: string;
}

interface RouteLayer {
  readonly route?: { readonly path: string; readonly methods: Readonly<Record<string, boolean>> };
}

/**
 * Routes whose one handler serves a table of paths, by the table: any other path that fits the
 * route's pattern is answered 404 by the handler, so it is not a path the API serves.
 */
const TABLES: ReadonlyMap<string, () => ReadonlyArray<string>> = new Map([
  ['/:collection/:id/:action', () => commandRoutes.map((route) => route.path)],
  ['/views/:name', () => [...NAMED_VIEWS].map((name) => `/views/${name}`)],
]);

const openApiPath = (expressPath: string): string => expressPath.replace(/:(\w+)/g, '{$1}');

/**
 * Every operation the application's router serves, read from the router itself (not from the
 * OpenAPI document, which is checked against this). Middleware mounted on every path is not a route.
 */
export const servedOperations = (app: INestApplication): ServedOperation[] => {
  const express = app.getHttpAdapter().getInstance() as {
    router?: { stack: RouteLayer[] };
    _router?: { stack: RouteLayer[] };
  };
  const layers = (express.router ?? express._router)?.stack ?? [];
  return layers.flatMap(({ route }) => {
    if (!route || route.path.includes('*')) return [];
    const paths = TABLES.get(route.path)?.() ?? [openApiPath(route.path)];
    return Object.keys(route.methods)
      .filter((method) => route.methods[method])
      .flatMap((method) => paths.map((path) => ({ method: method.toUpperCase(), path })));
  });
};

/** As the router matches: a parameter is one segment, letters in any case, a trailing slash allowed. */
const patternOf = (path: string): RegExp =>
  new RegExp(
    `^${path
      .split(/\{\w+\}/)
      .map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]+')}/?$`,
    'i',
  );

/** The methods a path takes, as `Allow` lists them: a path served by GET answers HEAD too. */
const allowOf = (methods: ReadonlySet<string>): string[] =>
  [...methods, ...(methods.has('GET') ? ['HEAD'] : [])].sort();

/**
 * Answers 405 with an `Allow` header when a path the API serves is asked with a method it does
 * not take (rather than the router's 404, which would say the path does not exist). The routes
 * are read once, on the first request, when the router holds them all.
 */
export const answerUnsupportedMethods = (app: INestApplication) => {
  let routes: ReadonlyArray<{ readonly pattern: RegExp; readonly method: string }> | undefined;
  return (request: Request, _response: Response, next: NextFunction): void => {
    routes ??= servedOperations(app).map(({ method, path }) => ({ pattern: patternOf(path), method }));
    const methods = new Set(routes.filter((route) => route.pattern.test(request.path)).map((route) => route.method));
    const allow = allowOf(methods);
    if (methods.size === 0 || allow.includes(request.method)) return next();
    const message = `This path takes ${allow.join(', ')}, not ${request.method}.`;
    next(
      new ApiException(
        405,
        {
          code: 'method-not-allowed',
          message,
          errors: [{ path: 'method', message: `expected ${allow.join(' or ')}` }],
        },
        { Allow: allow.join(', ') },
      ),
    );
  };
};
