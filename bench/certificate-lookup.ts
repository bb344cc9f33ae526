// Benchmark 5: the public certificate lookup, `GET /api/v1/public/certificates/{certificateNo}`,
// with BENCH_LOOKUP_CERTS certificates in a SQLite database, under BENCH_LOOKUP_CONNECTIONS
// concurrent keep-alive connections asking for random certificate numbers across all of them;
// against a bare node:http server answering every request with the same bytes as one real
// response, loaded by the same generator in the same run. The app runs as deployed: `jiliang serve`
// in a process of its own, once as one process and once with `--workers BENCH_LOOKUP_WORKERS`
// (node:cluster; the bare server is one process). For reference, a fixed view through the same
// Fastify app built in this process shows the framework's ceiling without any lookup.
// The server gets JILIANG_PUBLIC_RATE_LIMIT = 1e9 per minute so the public routes' limit (default
// 300 per client address) does not throttle the benchmark's single client address; the limiter
// still runs on every request. The database is the issuance benchmark's (BENCH_CERTS real
// certificates) filled up with synthetic rows (bench/lib/certificate-populate.ts says exactly what
// is synthetic).
//   node --import tsx bench/certificate-lookup.ts          (runs the SQLite issuance first)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { buildApp } from '../src/http/app.ts';
import { PUBLIC } from '../src/http/auth/route-access.ts';
import { loadConfig, type BenchConfig } from './lib/config.ts';
import { populateLookupCertificates, type PopulateResult } from './lib/certificate-populate.ts';
import { bareJsonServer, closeServer, runLoad, type LoadArgs, type LoadResult } from './lib/load.ts';
import { summarize } from './lib/cpu-profile.ts';
import { startServe, type ServeProcess } from './lib/serve-process.ts';
import { warmLookupPages } from './lib/page-cache.ts';
import { ownCpuMs } from './lib/process-cpu.ts';
import { benchIssuance, breakdownTable, issuanceNotes, issuanceTable, type IssuedDatabase } from './certificate-issuance.ts';
import { formatInt, formatMs, formatPercent, formatSeconds, log, table } from './lib/stats.ts';

export const LOOKUP_RATE_TARGET = 0.5;
export const LOOKUP_P99_TARGET_MS = 20;
const PREFIX = '/api/v1/public/certificates/';
/** Added to the app by the benchmark only: the same hooks and plugins, a fixed view, no lookup. */
const FIXED_PREFIX = '/api/v1/public/bench-fixed-view/';

export interface LookupResult {
  readonly population: PopulateResult;
  readonly connections: number;
  readonly seconds: number;
  readonly warmup: number;
  readonly bodyBytes: number;
  readonly bare: LoadResult;
  /** The app's framework alone: a benchmark-only public route answering a fixed view object. */
  readonly fixed: LoadResult;
  /** `jiliang serve`, one process. */
  readonly app: LoadResult;
  /** `jiliang serve --workers N`, when N > 1. */
  readonly workers: { readonly count: number; readonly result: LoadResult } | null;
  /** Summary of the CPU profile of the one-process server under load, when BENCH_LOOKUP_PROFILE=1. */
  readonly profile: string | null;
  readonly profilePath: string | null;
}

/** The server's CPU time per answered request in the measured run, µs ("–" when not measured). */
function cpuPerRequest(r: LoadResult): string {
  return Number.isFinite(r.serverCpuMs) && r.ok > 0 ? ((r.serverCpuMs * 1000) / r.ok).toFixed(1) : '–';
}

function check(name: string, r: LoadResult): void {
  log(
    `lookup: ${name}: ${formatInt(r.ok / r.seconds)} req/s, p50 ${formatMs(r.latency.p50)} ms, p99 ${formatMs(r.latency.p99)} ms, server ${cpuPerRequest(r)} µs CPU/request` +
      ` (${formatInt(r.ok)} ok, ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts; load ${r.loadBefore.toFixed(1)} → ${r.loadAfter.toFixed(1)})`,
  );
  if (r.non2xx || r.errors || r.timeouts) throw new Error(`${name}: ${r.non2xx} non-2xx responses, ${r.errors} errors, ${r.timeouts} timeouts`);
}

export async function benchLookup(cfg: BenchConfig, issued: IssuedDatabase): Promise<LookupResult> {
  if (issued.db.dialect !== 'sqlite') throw new Error('the lookup benchmark runs on SQLite');
  const numbersFile = join(cfg.sqliteDir, `jiliang-bench-numbers-${process.pid}.txt`);
  const databaseFile = issued.db.url.slice('sqlite:'.length);
  try {
    const population = await populateLookupCertificates(cfg, issued, numbersFile);
    log(`lookup: ${formatInt(population.certificates)} certificates (${formatInt(population.versions)} versions), database ${(population.bytes / 2 ** 30).toFixed(2)} GiB`);

    const app = await buildApp(issued.ctx, { publicRateLimit: 1_000_000_000 });
    let fixedView: unknown = null;
    app.get(`${FIXED_PREFIX}:certificateNo`, { config: { access: PUBLIC } }, async () => fixedView);
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      // The bare server answers with the bytes of a real response of a plain (one version, one action) certificate.
      const numbers = readFileSync(numbersFile, 'utf8').split('\n').filter(Boolean);
      let body: Buffer | null = null;
      for (let i = Math.floor(numbers.length / 2); i < numbers.length && !body; i++) {
        const response = await fetch(`${origin}${PREFIX}${numbers[i]}`);
        if (response.status !== 200) throw new Error(`GET ${PREFIX}${numbers[i]}: ${response.status} ${await response.text()}`);
        const text = await response.text();
        const view = JSON.parse(text) as { certificateNo: string; versions: unknown[]; actions: unknown[] };
        if (view.certificateNo !== numbers[i]) throw new Error(`GET ${PREFIX}${numbers[i]} answered for ${view.certificateNo}`);
        if (view.versions.length === 1 && view.actions.length === 1) body = Buffer.from(text);
      }
      if (!body) throw new Error('no plain certificate found for the bare server body');
      fixedView = JSON.parse(body.toString('utf8'));
      const fixedCheck = await fetch(`${origin}${FIXED_PREFIX}${numbers[0]}`);
      if (fixedCheck.status !== 200 || Buffer.compare(Buffer.from(await fixedCheck.arrayBuffer()), body) !== 0) throw new Error('the fixed-view route does not answer the sample body');

      const args: LoadArgs = { origin, prefix: PREFIX, numbersFile, connections: cfg.lookupConnections, warmupSeconds: cfg.lookupWarmup, seconds: cfg.lookupSeconds };
      const bareServer = await bareJsonServer(body);
      let bare: LoadResult;
      try {
        log(`lookup: bare node:http server, ${cfg.lookupConnections} connections, ${cfg.lookupWarmup} s warm-up + ${cfg.lookupSeconds} s`);
        bare = await runLoad({ ...args, origin: bareServer.origin }, ownCpuMs);
        check('bare node:http', bare);
      } finally {
        await closeServer(bareServer.server);
      }
      log(`lookup: the app's framework with a fixed view (${FIXED_PREFIX}), built in this process, same load`);
      const fixed = await runLoad({ ...args, prefix: FIXED_PREFIX }, ownCpuMs);
      check('app framework, fixed view', fixed);

      const serve = (workers: number, profileDir?: string): Promise<ServeProcess> =>
        startServe({ databaseFile, keyDir: issued.keyDir, workers, profileDir, env: { JILIANG_PUBLIC_RATE_LIMIT: '1000000000' } });
      const warm = () => {
        const { ms, rows } = warmLookupPages(databaseFile);
        log(`lookup: page cache warmed: ${formatInt(rows)} lookup rows and their index read in ${formatSeconds(ms)} s`);
      };
      const measure = async (workers: number): Promise<LoadResult> => {
        warm();
        log(`lookup: jiliang serve --workers ${workers}, ${cfg.lookupConnections} connections, ${cfg.lookupWarmup} s warm-up + ${cfg.lookupSeconds} s`);
        const server = await serve(workers);
        try {
          const result = await runLoad({ ...args, origin: server.origin }, () => server.cpuMs());
          check(`jiliang serve --workers ${workers}`, result);
          return result;
        } finally {
          await server.stop();
        }
      };
      const appResult = await measure(1);
      const workers = cfg.lookupWorkers > 1 ? { count: cfg.lookupWorkers, result: await measure(cfg.lookupWorkers) } : null;

      let profile: string | null = null;
      let profilePath: string | null = null;
      if (cfg.lookupProfile) {
        const profileDir = mkdtempSync(join(cfg.sqliteDir, 'jiliang-bench-profile-'));
        warm();
        log(`lookup: profiling jiliang serve (one process) under the same load (${cfg.lookupSeconds} s, not counted) → ${profileDir}`);
        const server = await serve(1, profileDir);
        const profiled = await runLoad({ ...args, origin: server.origin, warmupSeconds: 0 });
        profilePath = await server.stop();
        if (profilePath) profile = summarize(JSON.parse(readFileSync(profilePath, 'utf8')) as Parameters<typeof summarize>[0]);
        log(`lookup: profiled run ${formatInt(profiled.ok / profiled.seconds)} req/s`);
      }
      return { population, connections: cfg.lookupConnections, seconds: cfg.lookupSeconds, warmup: cfg.lookupWarmup, bodyBytes: body.length, bare, fixed, app: appResult, workers, profile, profilePath };
    } finally {
      await app.close();
    }
  } finally {
    rmSync(numbersFile, { force: true });
  }
}

export function lookupTable(r: LookupResult): string {
  const rate = (x: LoadResult) => x.ok / x.seconds;
  const verdict = (x: LoadResult) => {
    const ratio = rate(x) / rate(r.bare);
    const met = ratio >= LOOKUP_RATE_TARGET && x.latency.p99 <= LOOKUP_P99_TARGET_MS;
    return `${formatPercent(ratio)} of bare, p99 ${formatMs(x.latency.p99)} ms: ${met ? 'met' : 'MISSED'}`;
  };
  const row = (name: string, x: LoadResult, target: string) => [
    name,
    formatInt(r.population.certificates),
    String(r.connections),
    formatInt(rate(x)),
    formatMs(x.latency.p50),
    formatMs(x.latency.p90),
    formatMs(x.latency.p99),
    formatMs(x.latency.max),
    formatInt(x.bytes / Math.max(1, x.requests)),
    cpuPerRequest(x),
    `${x.loadBefore.toFixed(1)}–${x.loadAfter.toFixed(1)}`,
    target,
  ];
  return table(
    ['server', 'certificates', 'connections', 'requests/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'bytes/response', 'server CPU µs/request', 'load avg', `target ≥ ${formatPercent(LOOKUP_RATE_TARGET)}, p99 ≤ ${LOOKUP_P99_TARGET_MS} ms`],
    [
      row('bare node:http, fixed body (one process)', r.bare, '(baseline)'),
      row('app framework, fixed view (no lookup)', r.fixed, `${formatPercent(rate(r.fixed) / rate(r.bare))} of bare (for reference)`),
      row('jiliang serve: GET /api/v1/public/certificates/{no}', r.app, verdict(r.app)),
      ...(r.workers ? [row(`jiliang serve --workers ${r.workers.count}: same`, r.workers.result, verdict(r.workers.result))] : []),
    ],
  );
}

export function lookupNotes(r: LookupResult): string[] {
  const p = r.population;
  return [
    `  ${formatInt(p.certificates)} certificates: ${formatInt(p.real)} issued through the service, the rest synthetic; ${formatInt(p.versions)} versions (${formatInt(p.amended)} amended), ${formatInt(p.revoked)} revoked; database ${(p.bytes / 2 ** 30).toFixed(2)} GiB`,
    `  set-up: ${formatSeconds(p.instrumentsMs)} s raw instrument insert, ${formatSeconds(p.rowsMs)} s synthetic verification and certificate rows, ${formatSeconds(p.lookupMs)} s the service rebuilding the lookup table from them`,
    '  server CPU µs/request: user + system time of the server process(es) during the measured run ÷ answered requests (/proc for jiliang serve and its workers; the benchmark process itself for the bare server and the fixed view); steadier than requests/s on a shared VM',
    `  ${r.warmup} s warm-up then ${r.seconds} s measured per server; autocannon 9 in a child process, ${r.connections} keep-alive connections, no pipelining, random numbers over all certificates; latency = every 2xx response time of the measured run`,
    `  closed loop: each connection sends its next request when the previous answer arrives, so mean latency ≈ connections ÷ rate (one process: ${formatMs(r.app.latency.mean)} ms mean)`,
    `  the bare server's body is one real response of the app (${formatInt(r.bodyBytes)} bytes); the app adds its security headers (bytes/response includes headers)`,
    '  before each jiliang serve run the lookup table and its index are read once through SQLite so the OS page cache holds them, as on a server that has been answering for a while (this VM hands page cache back to its host between runs)',
    '  jiliang serve runs with JILIANG_PUBLIC_RATE_LIMIT = 1e9/min so the per-address limit (default 300/min) does not throttle the single load-generator address; the limiter still runs',
    `  "app framework, fixed view": a benchmark-only public route (${FIXED_PREFIX}:no) added to the app built in the benchmark's process: every hook and plugin (security headers, request id, authentication, rate limit, cookies) and JSON serialization of the same view, no database`,
  ];
}

async function main(): Promise<void> {
  const cfg = loadConfig();
  const { result, issued } = await benchIssuance(cfg, 'sqlite');
  try {
    const lookup = await benchLookup(cfg, issued);
    console.log(issuanceTable([result]));
    console.log(`\n${breakdownTable([result])}`);
    for (const line of issuanceNotes([result])) console.log(line);
    console.log(`\n${lookupTable(lookup)}`);
    for (const line of lookupNotes(lookup)) console.log(line);
    if (lookup.profile) console.log(`\nCPU profile of the app under load (${lookup.profilePath}):\n${lookup.profile}`);
  } finally {
    await issued.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
