// Loaded with `--import` beside `--cpu-prof` when BENCH_CPU_PROF names a folder. Node writes a
// CPU profile only when the process exits by itself, and NestJS ends on SIGTERM by sending the
// signal to itself again once its shutdown hooks ran: the second signal exits instead.
let signals = 0;
process.on('SIGTERM', () => {
  signals += 1;
  if (signals > 1) process.exit(0);
});
