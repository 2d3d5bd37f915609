export * from './event-catalogue';
export * from './command-catalogue';
export * from './recorded-event';
export * from './decide-command';
