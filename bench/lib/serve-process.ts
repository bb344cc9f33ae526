// The application as it is deployed: `jiliang serve [--workers N]` in processes of its own, on a
// given SQLite file and key directory, for the lookup benchmark. Optionally with V8's CPU profiler
// (`--cpu-prof`, single process only), whose profile is written when the server stops.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { processTreeCpuMs } from './process-cpu.ts';

const BIN = fileURLToPath(new URL('../../bin/jiliang.js', import.meta.url));

export interface ServeProcessOptions {
  readonly databaseFile: string;
  readonly keyDir: string;
  readonly workers: number;
  /** Extra environment, e.g. JILIANG_PUBLIC_RATE_LIMIT. */
  readonly env?: Record<string, string>;
  /** Directory for a .cpuprofile of the server (workers = 1 only). */
  readonly profileDir?: string;
}

export interface ServeProcess {
  readonly origin: string;
  /** CPU time so far of the server process and its workers, ms. */
  cpuMs(): number;
  /** SIGTERM, then waits for the exit; returns the CPU profile's path when profiling. */
  stop(): Promise<string | null>;
}

export async function startServe(options: ServeProcessOptions): Promise<ServeProcess> {
  if (options.profileDir && options.workers !== 1) throw new Error('profiling needs a single server process');
  const flags = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  const child = spawn(process.execPath, [...flags, BIN, 'serve', '--port', '0', '--workers', String(options.workers)], {
    env: { ...process.env, DATABASE_URL: `sqlite:${options.databaseFile}`, JILIANG_KEY_DIR: options.keyDir, ...options.env },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const started = Date.now();
  // One process says where it serves; with workers, the primary also says when all of them listen.
  const ready = () => stderr.includes('is serving') && (options.workers === 1 || stderr.includes('workers are listening'));
  while (!ready()) {
    if (child.exitCode !== null || Date.now() - started > 120_000) {
      child.kill('SIGKILL');
      throw new Error(`jiliang serve did not start: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const origin = /is serving (http:\/\/\S+)/.exec(stderr)![1]!;
  for (let i = 0; (await fetch(`${origin}/api/v1/health`).then((r) => r.status).catch(() => 0)) !== 200; i++) {
    if (i > 100) throw new Error(`jiliang serve does not answer: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    origin,
    cpuMs: () => processTreeCpuMs(child.pid!),
    stop: async () => {
      child.kill('SIGTERM');
      const code = await exited;
      if (code !== 0) throw new Error(`jiliang serve exited with ${code}: ${stderr}`);
      if (!options.profileDir) return null;
      const profile = readdirSync(options.profileDir).find((f) => f.endsWith('.cpuprofile'));
      return profile ? join(options.profileDir, profile) : null;
    },
  };
}
