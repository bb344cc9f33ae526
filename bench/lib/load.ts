// HTTP load for the lookup benchmark: the generator runs in a child process
// (bench/lib/load-worker.ts, autocannon) so that it does not share the server's event loop; on
// this 2-core machine it still shares the CPU with the server, for both servers alike.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { LoadArgs, LoadOutput } from './load-worker.ts';

export type { LoadArgs, LoadOutput };

export interface LoadResult extends LoadOutput {
  /** 1-minute load average before and after the run (includes the benchmark itself). */
  readonly loadBefore: number;
  readonly loadAfter: number;
  /** The server's CPU time during the measured run, ms (NaN when not measured). */
  readonly serverCpuMs: number;
}

const WORKER = fileURLToPath(new URL('./load-worker.ts', import.meta.url));

/**
 * Runs the load generator against `args.origin` and waits for its figures; `serverCpuMs` reads the
 * server's CPU time so far (sampled when the measured run starts and when the generator exits).
 */
export function runLoad(args: LoadArgs, serverCpuMs: () => number = () => Number.NaN): Promise<LoadResult> {
  const loadBefore = loadavg()[0]!;
  let cpuAtStart = Number.NaN;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (Number.isNaN(cpuAtStart) && out.includes('measuring\n')) cpuAtStart = serverCpuMs();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      try {
        const cpu = serverCpuMs() - cpuAtStart;
        resolve({ ...(JSON.parse(out.trim().split('\n').at(-1)!) as LoadOutput), loadBefore, loadAfter: loadavg()[0]!, serverCpuMs: cpu });
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** A bare node:http server answering every request with the same JSON body. */
export async function bareJsonServer(body: Buffer): Promise<{ server: Server; origin: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
    res.end(body);
  });
  server.keepAliveTimeout = 72_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
