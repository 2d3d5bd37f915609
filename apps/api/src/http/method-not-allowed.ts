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

/** One pattern that matches where any of these does. */
const anyOf = (patterns: ReadonlyArray<RegExp>): RegExp =>
  new RegExp(patterns.map((pattern) => `(?:${pattern.source})`).join('|') || '(?!)', 'i');

/** The operations served, as `refusedMethod` looks them up. */
export interface ServedRoutes {
  readonly routes: ReadonlyArray<{ readonly pattern: RegExp; readonly method: string }>;
  /** By method, the paths it is served on (HEAD where GET is): a request on one of them goes on at once. */
  readonly servedBy: ReadonlyMap<string, RegExp>;
  /** Every path served by some method: a request on none of them is the router's to answer 404. */
  readonly served: RegExp;
}

export const servedRoutes = (operations: ReadonlyArray<ServedOperation>): ServedRoutes => {
  const routes = operations.map(({ method, path }) => ({ pattern: patternOf(path), method }));
  const byMethod = new Map<string, RegExp[]>();
  for (const { pattern, method } of routes)
    for (const served of method === 'GET' ? [method, 'HEAD'] : [method])
      byMethod.set(served, [...(byMethod.get(served) ?? []), pattern]);
  return {
    routes,
    servedBy: new Map([...byMethod].map(([method, patterns]) => [method, anyOf(patterns)])),
    served: anyOf(routes.map((route) => route.pattern)),
  };
};

/**
 * The methods to list in `Allow` when the path is served but not with this method; `undefined`
 * when the request goes on (to its route, or to the router's 404). Every request asks, so one the
 * router will serve costs one match, not one for each route.
 */
export const refusedMethod = (served: ServedRoutes, method: string, path: string): string[] | undefined => {
  if (served.servedBy.get(method)?.test(path) || !served.served.test(path)) return undefined;
  const methods = new Set(served.routes.filter((route) => route.pattern.test(path)).map((route) => route.method));
  const allow = allowOf(methods);
  return methods.size === 0 || allow.includes(method) ? undefined : allow;
};

/**
 * Answers 405 with an `Allow` header when a path the API serves is asked with a method it does
 * not take (rather than the router's 404, which would say the path does not exist). The routes
 * are read once, on the first request, when the router holds them all.
 */
export const answerUnsupportedMethods = (app: INestApplication) => {
  let served: ServedRoutes | undefined;
  return (request: Request, _response: Response, next: NextFunction): void => {
    served ??= servedRoutes(servedOperations(app));
    const allow = refusedMethod(served, request.method, request.path);
    if (allow === undefined) return next();
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
