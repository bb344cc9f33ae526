// A CPU profile of this process while something runs (node:inspector, V8's sampling profiler),
// saved as a .cpuprofile (open it in Chrome DevTools or speedscope) and summarized: self time by
// area (SQLite, JSON, Fastify, Kysely, app code, …) and the functions with the most self time and
// the most inclusive time. The profiler slows the process down; profile a separate run.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export async function profileWhile<T>(path: string, work: () => Promise<T>): Promise<{ result: T; summary: string }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    const result = await work();
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
    writeFileSync(path, JSON.stringify(profile));
    return { result, summary: summarize(profile) };
  } finally {
    session.disconnect();
  }
}

const SQLITE_NATIVE = new Set(['prepare', 'all', 'get', 'run', 'iterate', 'pluck', 'raw', 'expand']);

function area(node: ProfileNode): string {
  const { functionName: fn, url } = node.callFrame;
  if (fn === '(garbage collector)') return 'garbage collection';
  if (fn === '(idle)') return 'idle (waiting for requests)';
  if (fn === '(program)') return 'V8/native, unattributed';
  if (!url) {
    if (SQLITE_NATIVE.has(fn)) return 'SQLite (better-sqlite3 prepare/step)';
    if (fn === 'parse' || fn === 'stringify') return 'JSON.parse / JSON.stringify';
    if (/^(writev|writeUtf8String|writeBuffer|writeLatin1String|readStop|close|shutdown)$/.test(fn)) return 'socket writes (native)';
    return `native: ${fn || '(anonymous)'}`;
  }
  if (url.includes('/better-sqlite3/')) return 'SQLite (better-sqlite3 JS)';
  if (url.includes('/kysely/')) return 'Kysely (query building, driver)';
  if (/\/(fastify|@fastify|find-my-way|fast-json-stringify|avvio|light-my-request|helmet|toad-cache|fast-querystring|abstract-logging|pino|process-warning|secure-json-parse)\//.test(url)) return 'Fastify and plugins';
  if (url.includes('/node_modules/')) return `other package: ${url.split('/node_modules/').at(-1)!.split('/')[0]}`;
  if (url.includes('/src/')) return `app: ${url.slice(url.indexOf('/src/') + 1)}`;
  if (url.startsWith('node:')) return /http|net|stream|_http/.test(url) ? 'Node HTTP and streams' : 'Node internals';
  return url;
}

export function summarize(profile: Profile, top = 15): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfById = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    selfById.set(id, (selfById.get(id) ?? 0) + dt);
  });
  const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
  const areas = new Map<string, number>();
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, dt] of selfById) {
    const node = byId.get(id)!;
    areas.set(area(node), (areas.get(area(node)) ?? 0) + dt);
    self.set(label(node), (self.get(label(node)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      inclusive.set(l, (inclusive.get(l) ?? 0) + dt);
    }
  }
  const busy = total - (areas.get('idle (waiting for requests)') ?? 0);
  const lines = (m: Map<string, number>, n: number, skipRoot = false) =>
    [...m]
      .filter(([k]) => !(skipRoot && /^\((root|program|idle)\)/.test(k)))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `  ${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  return [
    `profiled ${(total / 1e6).toFixed(1)} s, busy ${(busy / 1e6).toFixed(1)} s (shares below are of busy time)`,
    'self time by area:',
    lines(areas, 14),
    'functions by self time:',
    lines(self, top, true),
    'functions by inclusive time:',
    lines(inclusive, top + 10, true),
  ].join('\n');
}
