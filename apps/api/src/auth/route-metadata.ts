import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';

/**
 * A guard's metadata of each route (on its handler, else its class), read from the decorators
 * once per route rather than once per request: the decorators are applied when the classes are
 * defined, and never change after.
 */
export class RouteMetadata<T> {
  private readonly byHandler = new Map<unknown, T>();

  constructor(
    private readonly reflector: Reflector,
    private readonly key: string,
  ) {}

  of(context: ExecutionContext): T {
    const handler = context.getHandler();
    if (this.byHandler.has(handler)) return this.byHandler.get(handler) as T;
    const value = this.reflector.getAllAndOverride<T>(this.key, [handler, context.getClass()]);
    this.byHandler.set(handler, value);
    return value;
  }
}
