export * from './dosage.view';
export * from './dosage.projection';
