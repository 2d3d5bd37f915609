export * from './recording-lag.projection';
export * from './recording-lag.view';
