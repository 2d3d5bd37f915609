export * from './coaching-system.projection';
export * from './coaching-system.table';
export * from './coaching-system.view';
