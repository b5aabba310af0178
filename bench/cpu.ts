/**
 * CPU time used by the processes a scenario runs on, from /proc: the machine may be shared, so
 * besides wall-clock throughput the benchmark reports CPU milliseconds per request, which other
 * processes competing for the CPUs change much less.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** USER_HZ: /proc reports CPU time in these ticks (100 on Linux) */
const TICKS_PER_SECOND = 100;

/** user + system CPU time of process `pid` so far, in ms (0 when it is gone). */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name may hold spaces: the fields after it start past the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return ((utime + stime) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Process ids of the PostgreSQL backends serving database `name`. */
function postgresBackends(name: string): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.startsWith('postgres: ') && cmd.includes(` ${name} `)) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** CPU time of a set of processes between `start()` and `stop()`, in ms. */
export interface CpuMeter {
  stop(): number;
}

/** Measures process `pid` (and, with `postgresDatabase`, that database's backends). */
export function startCpuMeter(pids: () => number[], postgresDatabase?: string): CpuMeter {
  const all = () => [...pids(), ...(postgresDatabase ? postgresBackends(postgresDatabase) : [])];
  const before = new Map(all().map((pid) => [pid, processCpuMs(pid)]));
  return {
    stop: () => {
      let total = 0;
      for (const pid of all()) total += processCpuMs(pid) - (before.get(pid) ?? 0);
      return total;
    },
  };
}
