// Starts the real server (API + built web UI) on an in-memory SQLite database, on a free port, with
// a platform administrator and an admin API token; optionally with a small demo city and its users.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { systemCaller } from '../../src/domain/auth/actor.ts';
import type { Role } from '../../src/domain/auth/roles.ts';
import { shanghaiDate } from '../../src/domain/common/dates.ts';
import { createContext } from '../../src/services/context.ts';
import type { Clock } from '../../src/services/clock.ts';
import type { DemoAccount } from '../../src/services/demo/demo-accounts.ts';
import { buildApp } from '../../src/http/app.ts';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const webRoot = resolve(repoRoot, 'dist/web');

/**
 * Builds the web bundle when dist/web is missing (normally `npm run build` has already run).
 * Test files run in parallel processes, so one builds under a lock directory and the rest wait.
 */
export async function ensureWebBuild(timeoutMs = 180_000): Promise<void> {
  const index = resolve(webRoot, 'index.html');
  if (existsSync(index)) return;
  const lock = resolve(repoRoot, 'dist/.web-build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  let owner = false;
  try {
    mkdirSync(lock);
    owner = true;
  } catch {
    // another test process is building
  }
  if (owner) {
    try {
      const vite = resolve(repoRoot, 'node_modules/vite/bin/vite.js');
      const result = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
        cwd: repoRoot,
        stdio: 'inherit',
      });
      if (result.status !== 0) throw new Error('building the web UI failed');
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (existsSync(lock) || !existsSync(index)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${index}`);
    await sleep(500);
  }
}

export interface Account {
  readonly username: string;
  readonly password: string;
}

/** The platform administrator every test server has. */
const ADMIN: Account = { username: 'e2e-admin', password: 'lantern orchid basalt 47' };

export interface TestServer {
  readonly baseUrl: string;
  readonly admin: Account;
  /** A platform_admin API token for seeding through the API (bearer requests need no CSRF token). */
  readonly adminToken: string;
  /** The demo city's users with their resolved scopes (password DEMO_PASSWORD); empty without a demo city. */
  readonly demoAccounts: readonly DemoAccount[];
  /** Creates a user directly in the services, as the CLI's `admin create` would. */
  createUser(account: Account, grant: { role: Role; scope: string }): Promise<void>;
  /** Moves the server's clock forward, e.g. past the five minutes a password proof lasts. */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

export interface ServerOptions {
  readonly port?: number;
  /** Creates the demo city of this many instruments, with its users (DEMO_USERS, DEMO_PASSWORD). */
  readonly demoInstruments?: number;
}

/** The system clock, shifted by an offset the test controls. */
function shiftableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  return { now, today: () => shanghaiDate(now()), advance: (ms) => void (offset += ms) };
}

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  await ensureWebBuild();
  const keyDir = mkdtempSync(join(tmpdir(), 'jiliang-e2e-keys-'));
  const clock = shiftableClock();
  const ctx = await createContext({ databaseUrl: 'sqlite::memory:', keyDir, clock });
  const caller = systemCaller('e2e');
  const demo = options.demoInstruments === undefined ? null : await ctx.demo.ensure({ instruments: options.demoInstruments });
  await ctx.accounts.createUser(caller, { ...ADMIN, displayName: '测试管理员', grants: [{ role: 'platform_admin', scope: 'platform' }] });
  const { token } = await ctx.accounts.createToken(caller, { name: 'e2e seeding', role: 'platform_admin', scope: 'platform' });
  const app = await buildApp(ctx, { webRoot });
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not report a TCP address');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    admin: ADMIN,
    adminToken: token,
    demoAccounts: demo?.accounts ?? [],
    async createUser(account, grant) {
      await ctx.accounts.createUser(caller, { ...account, displayName: account.username, grants: [grant] });
    },
    advanceClock: clock.advance,
    async close() {
      await app.close();
      await ctx.close();
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
}
