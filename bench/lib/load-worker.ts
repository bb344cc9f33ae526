// The load generator of the lookup benchmark, in a process of its own (bench/lib/load.ts starts
// it): autocannon with N keep-alive connections, no pipelining, each request for a random
// certificate number from a file. A warm-up run, then the measured run; every 2xx response time of
// the measured run is kept (autocannon's own histogram has 1 ms steps) for exact percentiles.
// Prints `measuring` when the measured run starts, then one JSON line.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface AutocannonRequest {
  method?: string;
  path?: string;
  [key: string]: unknown;
}

interface AutocannonResult {
  readonly requests: { readonly total: number };
  readonly throughput: { readonly total: number };
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly duration: number;
  readonly '2xx': number;
}

interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
}

type Autocannon = (
  options: {
    url: string;
    connections: number;
    duration: number;
    pipelining: number;
    timeout: number;
    requests: { setupRequest: (request: AutocannonRequest) => AutocannonRequest }[];
  },
  done: (error: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;

// autocannon ships no type declarations; this is the part of its API used here.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface LoadArgs {
  readonly origin: string;
  /** Path prefix; a certificate number from the file is appended. */
  readonly prefix: string;
  readonly numbersFile: string;
  readonly connections: number;
  readonly warmupSeconds: number;
  readonly seconds: number;
}

export interface LoadOutput {
  readonly requests: number;
  readonly ok: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly seconds: number;
  readonly bytes: number;
  /** Percentiles of the 2xx response times, ms (nearest rank). */
  readonly latency: { readonly p50: number; readonly p90: number; readonly p99: number; readonly p999: number; readonly max: number; readonly mean: number };
}

function nearestRank(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

function run(args: LoadArgs, numbers: readonly string[], seconds: number, latencies: number[] | null): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: args.origin,
        connections: args.connections,
        duration: seconds,
        pipelining: 1,
        timeout: 10,
        requests: [{ setupRequest: (request) => ({ ...request, method: 'GET', path: args.prefix + numbers[Math.floor(Math.random() * numbers.length)]! }) }],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (latencies) {
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      });
    }
  });
}

const args = JSON.parse(process.argv[2] ?? '{}') as LoadArgs;
const numbers = readFileSync(args.numbersFile, 'utf8').split('\n').filter(Boolean);
if (args.warmupSeconds > 0) await run(args, numbers, args.warmupSeconds, null);
const latencies: number[] = [];
// Tells the parent the measured run starts (it samples the server's CPU time now and at the end).
process.stdout.write('measuring\n');
const result = await run(args, numbers, args.seconds, latencies);
latencies.sort((a, b) => a - b);
const output: LoadOutput = {
  requests: result.requests.total,
  ok: result['2xx'],
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  seconds: result.duration,
  bytes: result.throughput.total,
  latency: {
    p50: nearestRank(latencies, 50),
    p90: nearestRank(latencies, 90),
    p99: nearestRank(latencies, 99),
    p999: nearestRank(latencies, 99.9),
    max: latencies.at(-1) ?? Number.NaN,
    mean: latencies.reduce((s, x) => s + x, 0) / Math.max(1, latencies.length),
  },
};
process.stdout.write(`${JSON.stringify(output)}\n`);
