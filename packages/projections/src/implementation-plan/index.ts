export * from './implementation-plan.projection';
export * from './implementation-plan.table';
export * from './implementation-plan.view';
