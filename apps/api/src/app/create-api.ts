import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { answerUnparsableRequests } from '../http/client-errors';
import { boundedNesting, jsonBodiesOnly, utf8Only } from '../http/json-body';
import { answerUnsupportedMethods } from '../http/method-not-allowed';
import { API_LOGGER, logRequests } from '../http/request-log';
import { ApiDependencies, ApiModule } from './api.module';

/** Large enough for any command of the catalogue (texts up to 10,000 characters, lists of them). */
const BODY_LIMIT = '1mb';

/** Builds the application, initialised but not listening: `main` listens, tests use supertest. */
export const createApi = async (dependencies: ApiDependencies): Promise<NestExpressApplication> => {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.register(dependencies), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // First, so that every answer, a refusal of the method or the body too, carries its correlation id.
  app.use(logRequests(app.get(API_LOGGER)));
  app.use(answerUnsupportedMethods(app));
  app.use(jsonBodiesOnly);
  app.useBodyParser('json', { limit: BODY_LIMIT, verify: utf8Only });
  app.use(boundedNesting);
  app.disable('x-powered-by');
  // Express would hash every body for a weak ETag; the only ETag the API promises is a stream's revision.
  app.set('etag', false);
  answerUnparsableRequests(app.getHttpServer());
  await app.init();
  return app;
};
