// Starts the real server (API + built web UI) on an in-memory SQLite database, on a free port.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { createContext } from '../../src/services/context.ts';
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

export interface TestServer {
  readonly baseUrl: string;
  close(): Promise<void>;
}

export async function startServer(port = 0): Promise<TestServer> {
  await ensureWebBuild();
  const ctx = await createContext({ databaseUrl: 'sqlite::memory:' });
  const app = await buildApp(ctx, { webRoot });
  await app.listen({ port, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not report a TCP address');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    async close() {
      await app.close();
      await ctx.close();
    },
  };
}
