export * from './caseloads.projection';
