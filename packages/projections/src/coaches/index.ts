export * from './coaches.projection';
export * from './coaches.table';
export * from './coaches.view';
