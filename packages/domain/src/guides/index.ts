export * from './program-guide';
export type { DateWindow, WindowFrame } from './window';
export { resolveWindow } from './window';
export * from './session-ledger';
export * from './requirement-status';
export * from './rir-year-1';
export * from './stars-pbc';
export * from './mimtss-coaching-system';
export * from './guide-registry';
