import { runCli } from './program';

runCli(process.argv.slice(2), { out: process.stdout, err: process.stderr }).then((code) => {
  process.exitCode = code;
  // A database client may go on retrying a server that never answered; once the command has its
  // answer, that must not hold the shell. Unreferenced, so a normal end is not delayed.
  setTimeout(() => process.exit(code), 1_000).unref();
});
