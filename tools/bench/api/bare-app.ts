/**
 * The baseline of the API benchmark: NestJS on Express answering every GET and POST at once,
 * doing no work — no token, no store, no view. `PORT` picks the port.
 */
import 'reflect-metadata';
import { Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

@Controller()
class BareController {
  @Get('*path')
  read(): Record<string, never> {
    return {};
  }

  @Post('*path')
  @HttpCode(201)
  write(): Record<string, never> {
    return {};
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

const main = async () => {
  const app = await NestFactory.create(BareModule, { logger: ['error'] });
  app.enableShutdownHooks();
  await app.listen(Number(process.env['PORT']), '127.0.0.1');
};

void main();
