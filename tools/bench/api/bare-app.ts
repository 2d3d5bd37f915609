/**
 * The baseline of the API benchmark: NestJS on Express doing the HTTP work the API does and
 * nothing else — no token, no store, no view. It serves the mix's routes by the same patterns,
 * parses the JSON bodies, and answers each with a body the API gave for that route in the same
 * run (`BARE_ANSWERS`, written by run.ts), serialized afresh for every request as the API's are,
 * with the API's headers: a correlation id, no ETag, no X-Powered-By. `PORT` picks the port.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Controller, Get, HttpCode, Module, Param, Post, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Response } from 'express';
import type { SampleAnswers } from './sample-answers';

const answers: SampleAnswers = process.env['BARE_ANSWERS']
  ? (JSON.parse(readFileSync(process.env['BARE_ANSWERS'], 'utf8')) as SampleAnswers)
  : { views: {}, timeline: {}, command: {} };

const correlated = (response: Response): void => {
  response.setHeader('X-Correlation-Id', randomUUID());
};

@Controller()
class BareController {
  @Get('views/:name')
  view(@Param('name') name: string, @Res({ passthrough: true }) response: Response): unknown {
    correlated(response);
    return answers.views[name] ?? {};
  }

  @Get('providers/:id/timeline')
  timeline(@Res({ passthrough: true }) response: Response): unknown {
    correlated(response);
    return answers.timeline;
  }

  @Post('providers/:id/sessions')
  @HttpCode(201)
  logSession(@Res({ passthrough: true }) response: Response): unknown {
    correlated(response);
    return answers.command;
  }

  @Get('health')
  health(): Record<string, never> {
    return {};
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

const main = async () => {
  const app = await NestFactory.create<NestExpressApplication>(BareModule, { logger: ['error'] });
  app.disable('x-powered-by');
  app.set('etag', false);
  app.enableShutdownHooks();
  await app.listen(Number(process.env['PORT']), '127.0.0.1');
};

void main();
