export * from './timeline.view';
export * from './timeline.projection';
