export * from './evaluation-extract.view';
export * from './evaluation-extract';
export * from './evaluation-extract.table';
export { hiddenGroups } from './small-cells';
