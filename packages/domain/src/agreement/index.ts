export * from './agreement-drafted';
export * from './agreement-signed';
export * from './coaching-cycle-completed';
export * from './agreement-concern-raised';
export * from './agreement-ended';
export * from './agreement.events';
export * from './agreement.commands';
export * from './agreement.decider';
