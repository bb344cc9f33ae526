// `npm run bench`: for each dialect in BENCH_DIALECTS, bulk registration (service path vs raw
// insert), then the overdue list on the database the service path filled; then the Monte Carlo
// engine (bench/metrology-mcm.ts). See docs/PERFORMANCE.md.
//   BENCH_ROWS=100000 BENCH_DIALECTS=sqlite npm run bench
//   BENCH_SUITES=registry npm run bench        (registry | mcm | registry,mcm — the default)
import { loadConfig } from './lib/config.ts';
import { postgresProblem } from './lib/databases.ts';
import { describeMachine } from './lib/machine.ts';
import { spreadDueDates } from './lib/populate.ts';
import { formatInt, formatSeconds, log } from './lib/stats.ts';
import { benchRegistration, registrationTable, type RegistrationResult } from './registration.ts';
import { benchOverdueList, listTable, type ListResult } from './overdue-list.ts';
import { benchMonteCarlo } from './metrology-mcm.ts';

const cfg = loadConfig();
const suites = new Set((process.env.BENCH_SUITES ?? 'registry,mcm').split(',').map((s) => s.trim()));
const runRegistry = suites.has('registry');
const pgProblem = runRegistry && cfg.dialects.includes('postgres') ? await postgresProblem(cfg.pgUrl) : 'not selected';
const machine = await describeMachine(pgProblem === null ? cfg.pgUrl : null);
for (const line of machine) log(line);
if (runRegistry) {
  log(`rows ${formatInt(cfg.rows)}, organizations ${formatInt(cfg.organizations)}, batch ${formatInt(cfg.batch)}, list runs ${cfg.listRuns} after ${cfg.listWarmup} warm-up, dialects ${cfg.dialects.join(',')}`);
}

const registrations: RegistrationResult[] = [];
const lists: ListResult[] = [];
const skipped: string[] = [];
const started = Date.now();
for (const dialect of runRegistry ? cfg.dialects : []) {
  if (dialect === 'postgres' && pgProblem !== null) {
    skipped.push(`postgres skipped: ${cfg.pgUrl} is not reachable (${pgProblem})`);
    log(skipped.at(-1)!);
    continue;
  }
  const { result, loaded } = await benchRegistration(cfg, dialect);
  registrations.push(result);
  try {
    log(`${dialect}: due dates spread in ${formatSeconds(await spreadDueDates(loaded.db, loaded.ctx.clock.today()))} s`);
    lists.push(...(await benchOverdueList(cfg, dialect, loaded.ctx)));
  } finally {
    await loaded.ctx.close();
    await loaded.db.drop();
  }
}
let monteCarlo: Record<string, string | number>[] = [];
if (suites.has('mcm')) {
  log('Monte Carlo engine (bench/metrology-mcm.ts)');
  monteCarlo = benchMonteCarlo();
}

console.log(`\nJiliang benchmarks — ${new Date().toISOString()} (${formatSeconds(Date.now() - started)} s)`);
for (const line of machine) console.log(line);
if (runRegistry) {
  console.log(`\nBulk registration (${formatInt(cfg.batch)} rows per validateMany/write call and transaction; raw = same instrument and event rows, one transaction)\n`);
  console.log(registrationTable(registrations));
  for (const r of registrations) for (const raw of r.raw) console.log(`  raw baseline, ${r.dialect}, ${raw.name}: ${raw.method}`);
  console.log(`\nInstrument list, first page (p50/p95 over ${cfg.listRuns} runs after ${cfg.listWarmup} warm-up)\n`);
  console.log(listTable(lists));
  for (const s of skipped) console.log(`\n${s}`);
}
if (monteCarlo.length) {
  console.log('\nMonte Carlo, GUM H.1 model (bench/metrology-mcm.ts; ratio = hand-written time ÷ this time)\n');
  console.table(monteCarlo);
}
