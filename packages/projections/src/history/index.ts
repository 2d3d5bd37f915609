export * from './history.view';
export * from './history.projection';
