/**
 * What the commands run, behind one require from the program: the build makes this module and
 * everything it imports a bundle of its own (dist/actions.js), so `--help`, `--version` and bad
 * usage load only the program and commander. The program takes the error classes from here too:
 * a class in both bundles would be two classes, and `instanceof` would miss the commands' errors.
 */
export { printableText } from '@coachline/domain';
export { accessLogCommand } from './commands/access-log.command';
export { caseloadCommand } from './commands/caseload.command';
export { checkpointCommand } from './commands/checkpoint.command';
export { coachesCommand, implementationPlanCommand } from './commands/program-views.command';
export { demoCommand } from './commands/demo.command';
export { dueCommand, dueOptionsOf } from './commands/due.command';
export { exportCommand } from './commands/export.command';
export { importCommand } from './commands/import.command';
export {
  parseAsOf,
  parseDay,
  parseFormat,
  parseId,
  parsePosition,
  parsePositiveInteger,
  parseViewName,
} from './commands/options';
export { projectionsCommand } from './commands/projections.command';
export { proveCommand } from './commands/prove.command';
export { replayCommand } from './commands/replay.command';
export { reportCommand, reportOptionsOf } from './commands/report.command';
export { FailureError, UsageError } from './commands/usage-error';
export { verifyCommand } from './commands/verify.command';
export { viewCommand } from './commands/view.command';
