import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { DecidedStreams, type OpenedStore } from '@coachline/eventstore';
import { LoggerModule } from 'nestjs-pino';
import type { AccessLog } from '../access-log/access-log';
import { AccessRecorder } from '../access-log/access-recorder';
import { AccountRegister } from '../auth/accounts/account-register';
import { AccountsController } from '../auth/accounts/accounts.controller';
import { FirstAdminSetup } from '../auth/accounts/first-admin-setup';
import { SessionsController } from '../auth/accounts/sessions.controller';
import { SignInThrottle } from '../auth/accounts/sign-in-throttle';
import { AuthenticationGuard } from '../auth/authentication.guard';
import { PolicyGuard } from '../auth/policy.guard';
import { TokenRegister } from '../auth/token-register';
import { TokenSigner } from '../auth/token-signer';
import { TokensController } from '../auth/tokens.controller';
import { CheckpointsController } from '../checkpoints/checkpoints.controller';
import { EventProofController } from '../checkpoints/event-proof.controller';
import { CHECKPOINT_SIGNING, type CheckpointSigning, SignedHistory } from '../checkpoints/signed-history';
import { ViewProvenanceInterceptor } from '../checkpoints/view-provenance.interceptor';
import { CommandController } from '../commands/command.controller';
import { InFlightCommands } from '../commands/in-flight-commands';
import { IssueCommandHandler } from '../commands/issue-command.handler';
import { HealthController } from '../health/health.controller';
import { AllExceptionsFilter } from '../http/all-exceptions.filter';
import { CsvAnswerInterceptor } from '../http/csv-answer';
import { API_LOGGER, apiLogger } from '../http/request-log';
import { DocsController } from '../openapi/docs.controller';
import { CommandAuthorizer } from '../policy/command-authorizer';
import { Ownership } from '../policy/ownership';
import { AccessLogController } from '../queries/access-log.controller';
import { DueController } from '../queries/due.controller';
import { IntegrityController } from '../queries/integrity.controller';
import { ProjectionHost } from '../queries/projection-host';
import { ProvidersController } from '../queries/providers.controller';
import { ReportController } from '../queries/report.controller';
import { CoachesController } from '../queries/coaches.controller';
import { TeamsController } from '../queries/teams.controller';
import { CoachingSystemController } from '../queries/coaching-system.controller';
import { ReadReplayedViewHandler } from '../queries/read-replayed-view';
import { ReadAccessLogHandler } from '../queries/read-access-log';
import { ReadCaseloadHandler } from '../queries/read-caseload';
import { ReadProgramReportHandler } from '../queries/read-program-report';
import { ReadProviderRecordHandler } from '../queries/read-provider-record';
import { ReadStreamHistoryHandler } from '../queries/read-stream-history';
import { ReadViewHandler } from '../queries/read-view.handler';
import { StreamReader } from '../queries/stream-reader';
import { ViewController } from '../queries/view.controller';
import { WebAppController } from '../web/web-app.controller';
import { Lifecycle } from './lifecycle';
import { ACCESS_LOG, API_SETTINGS, type ApiSettings, CLOCK, type Clock, EVENT_STORE } from './injection-tokens';

/** What the edge opens and hands to the application: the tests hand in their own. */
export interface ApiDependencies {
  /** The store as a process opens it: child data sealed, with the keys to open it and its checkpoints. */
  readonly store: OpenedStore;
  readonly accessLog: AccessLog;
  readonly signer: TokenSigner;
  /** The tokens issued and revoked; the app closes it when it owns its resources. */
  readonly tokens: TokenRegister;
  /** The browser accounts; closed with the token register. */
  readonly accounts: AccountRegister;
  /** The first admin's setup code, accepted while no account exists. */
  readonly setup: FirstAdminSetup;
  readonly clock: Clock;
  readonly settings: ApiSettings;
  readonly logLevel: string;
  /** The key checkpoints are signed with, and when; absent, none is signed (those kept are still served). */
  readonly checkpointSigning?: CheckpointSigning;
}

@Module({})
export class ApiModule {
  static register(dependencies: ApiDependencies): DynamicModule {
    const logger = apiLogger(dependencies.logLevel);
    return {
      module: ApiModule,
      imports: [
        CqrsModule.forRoot(),
        // Requests get their correlation id and logger from `logRequests` (create-api.ts); a line
        // logged while one is handled names its correlation id itself. The logger is bound to no
        // route's async context: an AsyncLocalStorage in use puts a hook on every promise the
        // process makes, which more than doubles the cost of each await on every path.
        LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true, forRoutes: [] }),
      ],
      controllers: [
        // Before the commands' `/:collection/:id/:action`, which would otherwise take /accounts/:id/disable.
        AccountsController,
        SessionsController,
        WebAppController,
        // Before the commands' routes too: GET /events/:id/proof has their shape.
        CheckpointsController,
        EventProofController,
        CommandController,
        ViewController,
        AccessLogController,
        IntegrityController,
        ProvidersController,
        DueController,
        ReportController,
        CoachesController,
        TeamsController,
        CoachingSystemController,
        TokensController,
        HealthController,
        DocsController,
      ],
      providers: [
        { provide: EVENT_STORE, useValue: dependencies.store },
        // The decided state of the streams commands were handled on, kept for this store.
        { provide: DecidedStreams, useValue: new DecidedStreams() },
        { provide: ACCESS_LOG, useValue: dependencies.accessLog },
        { provide: TokenSigner, useValue: dependencies.signer },
        { provide: TokenRegister, useValue: dependencies.tokens },
        { provide: AccountRegister, useValue: dependencies.accounts },
        { provide: FirstAdminSetup, useValue: dependencies.setup },
        { provide: SignInThrottle, useValue: new SignInThrottle() },
        { provide: CLOCK, useValue: dependencies.clock },
        { provide: API_SETTINGS, useValue: dependencies.settings },
        { provide: API_LOGGER, useValue: logger },
        { provide: CHECKPOINT_SIGNING, useValue: dependencies.checkpointSigning ?? null },
        SignedHistory,
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_GUARD, useClass: PolicyGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_INTERCEPTOR, useClass: CsvAnswerInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ViewProvenanceInterceptor },
        Ownership,
        CommandAuthorizer,
        InFlightCommands,
        IssueCommandHandler,
        ProjectionHost,
        StreamReader,
        AccessRecorder,
        ReadViewHandler,
        ReadCaseloadHandler,
        ReadProgramReportHandler,
        ReadReplayedViewHandler,
        ReadProviderRecordHandler,
        ReadStreamHistoryHandler,
        ReadAccessLogHandler,
        Lifecycle,
      ],
    };
  }
}
