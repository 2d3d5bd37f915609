export { DEFAULT_DEMO_PROVIDERS, DEFAULT_DEMO_SEED, generateDemoProgram } from './generate-demo-program';
export type { DemoProgramOptions } from './generate-demo-program';
export { writeDemoFile } from './write-demo-file';
export type { DemoFileSummary, WriteDemoFileOptions } from './write-demo-file';
export { DemoCommandRefused } from './program-recorder';
export { MAX_DEMO_SEED } from './demo-random';
