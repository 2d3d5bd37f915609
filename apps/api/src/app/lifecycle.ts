import type { Server, ServerResponse } from 'node:http';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { EventStore } from '@coachline/eventstore';
import { PinoLogger } from 'nestjs-pino';
import type { AccessLog } from '../access-log/access-log';
import { AccountRegister } from '../auth/accounts/account-register';
import { TokenRegister } from '../auth/token-register';
import { InFlightCommands } from '../commands/in-flight-commands';
import { ProjectionHost } from '../queries/projection-host';
import { ACCESS_LOG, API_SETTINGS, type ApiSettings, EVENT_STORE } from './injection-tokens';

const DRAIN_LIMIT_MS = 10_000;

/**
 * Starting and stopping in order. On shutdown the HTTP server has already stopped taking
 * requests and waited for those in flight; then the commands still running are finished, the
 * projections stop, and only then do the log of reads and the store close.
 */
@Injectable()
export class Lifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly projections: ProjectionHost,
    private readonly inFlight: InFlightCommands,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCESS_LOG) private readonly accessLog: AccessLog,
    @Inject(API_SETTINGS) private readonly settings: ApiSettings,
    private readonly logger: PinoLogger,
    private readonly adapterHost: HttpAdapterHost,
    private readonly tokens: TokenRegister,
    private readonly accounts: AccountRegister,
  ) {
    logger.setContext('Lifecycle');
  }

  onApplicationBootstrap(): Promise<void> {
    this.tokens.startRefreshing((error) =>
      this.logger.warn(
        { err: error },
        'The token register could not be read; revocations made elsewhere are not seen yet',
      ),
    );
    this.accounts.startRefreshing((error) =>
      this.logger.warn(
        { err: error },
        'The account register could not be read; changes made elsewhere are not seen yet',
      ),
    );
    return this.projections.start();
  }

  /**
   * Closing the HTTP server waits for every open connection to end, and under steady traffic a
   * keep-alive connection is never idle long enough to be closed: the process would never stop.
   * From here on each answer says `Connection: close`, and connections that fall idle are closed.
   */
  beforeApplicationShutdown(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server?.listening) return;
    server.on('request', (_request, response: ServerResponse) => {
      if (!response.headersSent) response.setHeader('Connection', 'close');
    });
    server.closeIdleConnections();
    const sweep = setInterval(() => server.closeIdleConnections(), 100).unref();
    server.once('close', () => clearInterval(sweep));
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    if (this.inFlight.count > 0)
      this.logger.info({ commands: this.inFlight.count }, 'Finishing the commands in flight');
    await this.inFlight.drain(DRAIN_LIMIT_MS);
    await this.projections.stop();
    if (this.settings.ownsResources) {
      await this.tokens.close();
      await this.accounts.close();
      await this.accessLog.close();
      await this.store.close();
    }
    this.logger.info({ signal }, 'Stopped');
  }
}
