export * from './teams.projection';
export * from './teams.table';
export * from './teams.view';
