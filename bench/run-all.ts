// `npm run bench`: for each dialect in BENCH_DIALECTS, bulk registration (service path vs raw
// insert), then the overdue list on the database the service path filled; then the Monte Carlo
// engine (bench/metrology-mcm.ts); then certificates: issuance through the service per dialect
// (bench/certificate-issuance.ts) and, on SQLite, the public lookup over HTTP at
// BENCH_LOOKUP_CERTS certificates (bench/certificate-lookup.ts). See docs/PERFORMANCE.md.
//   BENCH_ROWS=100000 BENCH_DIALECTS=sqlite npm run bench
//   BENCH_SUITES=registry npm run bench   (registry | mcm | certificates | issuance | lookup, comma-separated;
//                                          default registry,mcm,certificates; certificates = issuance + lookup)
//   BENCH_SUITES=certificates BENCH_CERTS=1000 BENCH_LOOKUP_CERTS=100000 npm run bench   (a quick certificate run)
import { loadConfig } from './lib/config.ts';
import { postgresProblem } from './lib/databases.ts';
import { describeMachine } from './lib/machine.ts';
import { spreadDueDates } from './lib/populate.ts';
import { formatInt, formatSeconds, log } from './lib/stats.ts';
import { benchRegistration, registrationTable, type RegistrationResult } from './registration.ts';
import { benchOverdueList, listTable, type ListResult } from './overdue-list.ts';
import { benchMonteCarlo } from './metrology-mcm.ts';
import { benchIssuance, breakdownTable, issuanceNotes, issuanceTable, type IssuanceResult } from './certificate-issuance.ts';
import { benchLookup, lookupNotes, lookupTable, type LookupResult } from './certificate-lookup.ts';

const cfg = loadConfig();
const suites = new Set((process.env.BENCH_SUITES ?? 'registry,mcm,certificates').split(',').map((s) => s.trim()));
const runRegistry = suites.has('registry');
const runLookup = suites.has('certificates') || suites.has('lookup');
const runIssuance = runLookup || suites.has('issuance');
const pgProblem = (runRegistry || runIssuance) && cfg.dialects.includes('postgres') ? await postgresProblem(cfg.pgUrl) : 'not selected';
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
const issuances: IssuanceResult[] = [];
let lookup: LookupResult | null = null;
if (runIssuance) {
  log(`certificates: ${formatInt(cfg.certificates)} issued per dialect${runLookup ? `; lookup at ${formatInt(cfg.lookupCertificates)} certificates on SQLite, ${cfg.lookupConnections} connections, ${cfg.lookupWarmup} + ${cfg.lookupSeconds} s` : ''}`);
  if (runLookup && !cfg.dialects.includes('sqlite')) skipped.push('certificate lookup skipped: it runs on SQLite, which BENCH_DIALECTS leaves out');
  // With the lookup, issue on SQLite last so its database goes on to the lookup benchmark.
  const dialects = runLookup ? [...cfg.dialects.filter((d) => d !== 'sqlite'), 'sqlite' as const] : cfg.dialects;
  for (const dialect of dialects) {
    if (dialect === 'postgres' && pgProblem !== null) {
      if (!skipped.some((s) => s.startsWith('postgres skipped'))) skipped.push(`postgres skipped: ${cfg.pgUrl} is not reachable (${pgProblem})`);
      continue;
    }
    const { result, issued } = await benchIssuance(cfg, dialect);
    issuances.push(result);
    try {
      if (runLookup && dialect === 'sqlite') lookup = await benchLookup(cfg, issued);
    } finally {
      await issued.close();
    }
  }
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
if (issuances.length) {
  console.log('\nCertificate issuance through CertificateService.issue, one call per verification (bench/certificate-issuance.ts)\n');
  console.log(issuanceTable(issuances));
  console.log('\nWhere the time of issue() goes\n');
  console.log(breakdownTable(issuances));
  for (const line of issuanceNotes(issuances)) console.log(line);
}
if (lookup) {
  console.log('\nPublic certificate lookup over HTTP, SQLite (bench/certificate-lookup.ts)\n');
  console.log(lookupTable(lookup));
  for (const line of lookupNotes(lookup)) console.log(line);
  if (lookup.profile) console.log(`\nCPU profile of the app under load (${lookup.profilePath}):\n${lookup.profile}`);
}
if (!runRegistry) for (const s of skipped) console.log(`\n${s}`);
