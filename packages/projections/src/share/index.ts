export * from './share.view';
export * from './share.projection';
