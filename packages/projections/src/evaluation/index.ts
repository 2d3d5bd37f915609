export * from './evaluation.view';
export * from './evaluation.projection';
