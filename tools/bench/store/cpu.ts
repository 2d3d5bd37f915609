/**
 * CPU spent on a piece of work: this process's, and that of the PostgreSQL backends serving it when
 * the server runs on this machine (read from /proc). Under a loaded machine the elapsed time of a
 * figure moves with everyone else's work; the CPU it costs per event moves far less.
 */
import { readFile } from 'node:fs/promises';
import type pg from 'pg';

/** Connections of one side of a figure carry this application name, so their backends can be found. */
export const withApplicationName = (databaseUrl: string, applicationName: string): string => {
  const url = new URL(databaseUrl);
  url.searchParams.set('application_name', applicationName);
  return url.toString();
};

const CLOCK_TICK_MS = 10;

/** utime + stime of a process, in milliseconds; undefined when it is gone or not readable here. */
const processCpuMs = async (pid: number): Promise<number | undefined> => {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
  } catch {
    return undefined;
  }
};

const backendsCpu = async (pool: pg.Pool, applicationName: string): Promise<Map<number, number> | undefined> => {
  const { rows } = await pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [
    applicationName,
  ]);
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    const ms = await processCpuMs(pid);
    if (ms === undefined) return undefined;
    cpu.set(pid, ms);
  }
  return cpu;
};

export interface CpuSpent {
  readonly processMs: number;
  /** Undefined when the server's processes cannot be read (another machine, another container). */
  readonly serverMs: number | undefined;
}

/**
 * Runs `work` and reports the CPU it cost. Backends that closed meanwhile are missed, so the server
 * figure is a lower bound; the pools used here keep their connections for the whole figure.
 */
export const cpuOf = async <T>(
  pool: pg.Pool,
  applicationName: string,
  work: () => Promise<T>,
): Promise<{ result: T; cpu: CpuSpent }> => {
  const serverBefore = await backendsCpu(pool, applicationName);
  const processBefore = process.cpuUsage();
  const result = await work();
  const processAfter = process.cpuUsage(processBefore);
  const serverAfter = await backendsCpu(pool, applicationName);
  let serverMs: number | undefined;
  if (serverBefore !== undefined && serverAfter !== undefined) {
    serverMs = 0;
    for (const [pid, ms] of serverAfter) serverMs += ms - (serverBefore.get(pid) ?? 0);
  }
  return { result, cpu: { processMs: (processAfter.user + processAfter.system) / 1000, serverMs } };
};

/** `node 12.3 + server 20.1 µs/event`, or the node part alone. */
export const cpuPerUnit = (cpu: CpuSpent, count: number): string => {
  const perUnit = (ms: number) => ((ms * 1000) / count).toFixed(1);
  return cpu.serverMs === undefined
    ? `node ${perUnit(cpu.processMs)} µs`
    : `node ${perUnit(cpu.processMs)} + server ${perUnit(cpu.serverMs)} µs`;
};
