// CPU time (user + system) of a process and its direct children, from Linux's /proc: the server's
// cost per request, which on this shared 2-vCPU VM varies much less between runs than its rate.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** Milliseconds of CPU used so far by `pid` and the processes whose parent it is (cluster workers); NaN without /proc. */
export function processTreeCpuMs(pid: number): number {
  let ticks = 0;
  let found = false;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return Number.NaN;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // Fields after the command name "(…)": state ppid … utime (14th field) stime (15th).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(entry) !== pid && Number(fields[1]) !== pid) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
    found = true;
  }
  return found ? ticks * TICK_MS : Number.NaN;
}

/** Milliseconds of CPU used so far by this process. */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
