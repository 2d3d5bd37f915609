export * from './cycles.view';
export * from './cycles.projection';
