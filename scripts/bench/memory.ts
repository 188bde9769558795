/**
 * Memory of process trees, sampled from Linux's /proc.
 *
 * The figure that matters for "how much memory does this build need" is the
 * peak of the *sum* of every process's resident memory at one moment: a build
 * whose main process peaks at 1 GiB early and whose helper peaks at 1 GiB late
 * needs 1 GiB plus whatever the other holds then, not 2 GiB. Summing each
 * process's own high-water mark (VmHWM) overstates it; this module samples
 * VmRSS of every live process of the trees on a timer, sums each sample, and
 * keeps the largest sum. Each process's own VmHWM is kept too, for a
 * breakdown by process.
 *
 * A sample can miss a peak that lasts less than the interval, so the peak sum
 * is a lower bound of the true peak (and each process's VmHWM an upper bound of
 * its share of it). Processes that a tree's process leaves behind and that the
 * kernel hands to another parent (orphans) are not followed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';

/** One process's own peak resident memory (VmHWM), as last read while it ran. */
export interface ProcessPeak {
  /** The program's name: the base name of its first argument, else the kernel's 15-character `Name`. */
  name: string;
  pid: number;
  /** Bytes. */
  peak: number;
}

/** What a sampler saw, from when it was made to when it was stopped. */
export interface MemoryReport {
  /** The largest sum, over one sample, of the resident memory (VmRSS) of every live process of the trees, in bytes. */
  peakSum: number;
  /** When the largest sum was seen: milliseconds after the sampler was made (0 when nothing was sampled). */
  peakAt: number;
  /** Every process seen, by its own peak (VmHWM), largest first. */
  byProcess: ProcessPeak[];
  /** How many samples were taken. */
  samples: number;
  /** How long the sampler ran, in milliseconds. */
  ms: number;
}

/** Options of a sampler. */
export interface SamplerOptions {
  /** Milliseconds between samples. Default 100. */
  intervalMs?: number;
  /** Where the proc file system is mounted. Default `/proc` (another path is for tests). */
  proc?: string;
}

/** A sampler of the memory of one or more process trees, sharing one timer and one peak sum. */
export interface MemorySampler {
  /** Adds the tree of process `pid` (the process and its descendants) and takes a sample at once. A pid that has already ended is ignored. */
  add(pid: number): void;
  /** Takes one sample now (the timer takes them too); returns the sum of the sample, in bytes. */
  sample(): number;
  /** The report so far, without stopping. */
  report(): MemoryReport;
  /** Takes a last sample, stops the timer and returns the report. Calling it again returns the same report. */
  stop(): MemoryReport;
}

/** What /proc says about one process; null when it has ended (or is not readable). */
interface ProcStatus {
  name: string;
  /** Bytes; 0 for a zombie (ended, not yet reaped). */
  rss: number;
  /** Bytes; 0 for a zombie. */
  hwm: number;
}

/** A `kB` field of /proc/<pid>/status, in bytes; 0 when absent (a zombie has none). */
function kbField(status: string, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return m ? Number(m[1]) * 1024 : 0;
}

/** Reads /proc/<pid>/status; null when the process has ended. */
function readStatus(proc: string, pid: number): ProcStatus | null {
  let status: string;
  try {
    status = readFileSync(`${proc}/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  return { name: /^Name:\s+(.*)$/m.exec(status)?.[1]?.trim() ?? '?', rss: kbField(status, 'VmRSS'), hwm: kbField(status, 'VmHWM') };
}

/** The program name of a process from its command line (`/usr/bin/hugo` gives `hugo`), else `fallback`. */
function programName(proc: string, pid: number, fallback: string): string {
  try {
    const argv0 = readFileSync(`${proc}/${pid}/cmdline`, 'utf8').split('\0')[0];
    return argv0 ? basename(argv0) : fallback;
  } catch {
    return fallback;
  }
}

/** When a process started (field 22 of /proc/<pid>/stat, in clock ticks after boot): tells a process from a later one given the same pid. */
function startTime(proc: string, pid: number): string | null {
  try {
    const stat = readFileSync(`${proc}/${pid}/stat`, 'utf8');
    // The name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** The children of a process, from /proc/<pid>/task/<tid>/children of each of its threads; [] when it has ended. */
function childrenOf(proc: string, pid: number): number[] {
  const kids: number[] = [];
  let tasks: string[];
  try {
    tasks = readdirSync(`${proc}/${pid}/task`);
  } catch {
    return kids;
  }
  for (const tid of tasks) {
    try {
      const list = readFileSync(`${proc}/${pid}/task/${tid}/children`, 'utf8').trim();
      if (list) for (const k of list.split(/\s+/)) kids.push(Number(k));
    } catch {
      /* the thread or the process ended meanwhile */
    }
  }
  return kids;
}

/**
 * Makes a sampler of process trees' memory with no tree yet: `add(pid)` each
 * process to follow (a runner that runs commands one after the other, or two
 * at a time, adds each as it starts and gets one peak sum over all of them).
 * The timer does not keep Node running. Never throws on a process that ended.
 *
 * @param options `intervalMs` (default 100) between samples; `proc` (default `/proc`).
 */
export function memorySampler(options: SamplerOptions = {}): MemorySampler {
  const proc = options.proc ?? '/proc';
  const intervalMs = options.intervalMs ?? 100;
  const t0 = performance.now();
  /** Roots by pid, with their start time, so that a pid reused after a root ended is not taken for it. */
  const roots = new Map<number, string>();
  /** Each process seen, by `pid@start`. */
  const seen = new Map<string, ProcessPeak>();
  let peakSum = 0;
  let peakAt = 0;
  let samples = 0;
  let final: MemoryReport | null = null;

  const sample = (): number => {
    if (final) return 0;
    let sum = 0;
    const visited = new Set<number>();
    const walk = (pid: number): void => {
      if (visited.has(pid)) return;
      visited.add(pid);
      const status = readStatus(proc, pid);
      if (!status) return;
      sum += status.rss;
      const key = `${pid}@${startTime(proc, pid) ?? '?'}`;
      const known = seen.get(key);
      if (known) known.peak = Math.max(known.peak, status.hwm);
      else if (status.rss > 0 || status.hwm > 0) seen.set(key, { name: programName(proc, pid, status.name), pid, peak: status.hwm });
      for (const kid of childrenOf(proc, pid)) walk(kid);
    };
    for (const [pid, start] of roots) {
      if (startTime(proc, pid) !== start) roots.delete(pid);
      else walk(pid);
    }
    samples++;
    if (sum > peakSum) {
      peakSum = sum;
      peakAt = performance.now() - t0;
    }
    return sum;
  };

  const timer = setInterval(sample, intervalMs);
  timer.unref();

  const report = (): MemoryReport =>
    final ?? { peakSum, peakAt, byProcess: [...seen.values()].map((p) => ({ ...p })).sort((a, b) => b.peak - a.peak), samples, ms: performance.now() - t0 };

  return {
    add(pid: number): void {
      const start = startTime(proc, pid);
      if (start === null || final) return;
      roots.set(pid, start);
      sample();
    },
    sample,
    report,
    stop(): MemoryReport {
      if (!final) {
        sample();
        clearInterval(timer);
        final = report();
      }
      return final;
    },
  };
}

/**
 * Starts sampling the tree of one process: a shorthand for
 * `memorySampler(options)` then `add(pid)`.
 *
 * @param pid The process whose tree to follow (it and its descendants).
 * @param options `intervalMs` (default 100) between samples; `proc` (default `/proc`).
 */
export function startSampler(pid: number, options: SamplerOptions = {}): MemorySampler {
  const sampler = memorySampler(options);
  sampler.add(pid);
  return sampler;
}

/**
 * The breakdown by process as text, `hugo 512 MiB, pagefind_extended 301 MiB`,
 * largest first, leaving out processes below `minBytes` (but naming the
 * largest one when all are below it; empty when no process was seen).
 *
 * @param report A sampler's report.
 * @param minBytes Processes whose own peak is below this are left out. Default 50 MiB.
 */
export function formatByProcess(report: MemoryReport, minBytes = 50 * 2 ** 20): string {
  const big = report.byProcess.filter((p) => p.peak >= minBytes);
  return (big.length ? big : report.byProcess.slice(0, 1))
    .map((p) => `${p.name} ${Math.round(p.peak / 2 ** 20)} MiB`)
    .join(', ');
}
