/**
 * This machine is shared (other builds and benchmarks run beside this one): before a
 * measurement, wait up to `maxSeconds` for the CPUs to be mostly idle, so that figures compared
 * in one table were taken in similar conditions. Reads /proc/stat (Linux); elsewhere returns at once.
 */
import fs from 'node:fs';

function cpuTimes(): { busy: number; total: number } | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = values[3] + (values[4] ?? 0);
    const total = values.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** The busy share of all CPUs over the next `ms` (null where it cannot be read). */
async function busyShare(ms: number): Promise<number | null> {
  const a = cpuTimes();
  await new Promise((r) => setTimeout(r, ms));
  const b = cpuTimes();
  if (!a || !b || b.total === a.total) return null;
  return (b.busy - a.busy) / (b.total - a.total);
}

/** Resolves with the last busy share seen (others' load when this process is idle), or null. */
export async function waitForQuietCpu(maxSeconds: number, threshold = 0.3): Promise<number | null> {
  const end = Date.now() + maxSeconds * 1000;
  let quiet = 0;
  let share: number | null = null;
  do {
    share = await busyShare(500);
    if (share === null) return null;
    quiet = share < threshold ? quiet + 1 : 0;
  } while (quiet < 2 && Date.now() < end);
  return share;
}
