// What the numbers were measured on. Recorded with every result: these machines are shared and noisy.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  chromium: string;
  node: string;
  platform: string;
  /** 1-minute load average when the run started and when it ended (others run tests at the same time). */
  loadAvgStart: number;
  loadAvgEnd?: number;
  date: string;
}

export function chromiumVersion(executablePath: string): string {
  try {
    return execFileSync(executablePath, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch {
    return 'unknown';
  }
}

export function describeMachine(chromium: string): Machine {
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    chromium,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAvgStart: Math.round(loadavg()[0]! * 100) / 100,
    date: new Date().toISOString(),
  };
}

export function finishMachine(m: Machine): Machine {
  return { ...m, loadAvgEnd: Math.round(loadavg()[0]! * 100) / 100 };
}
