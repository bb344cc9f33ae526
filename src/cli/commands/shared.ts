import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { systemCaller, type Caller } from '../../domain/auth/actor.ts';
import type { AppContext, ContextConfig } from '../../services/context.ts';

/**
 * Opens the services on the database named by the global --database option. Loaded on demand so
 * that `--help` and argument errors answer without loading the whole application.
 */
export async function openContext(command: Command, config: ContextConfig = {}): Promise<AppContext> {
  const { database } = command.optsWithGlobals<{ database?: string }>();
  const { createContext } = await import('../../services/context.ts');
  return createContext({ ...config, databaseUrl: database ?? config.databaseUrl });
}

/**
 * The CLI acts as the local operator: whoever can run it against the database is trusted like a
 * platform administrator. The audit log names the operating-system account.
 */
export function cliCaller(): Caller {
  let account = 'unknown';
  try {
    account = userInfo().username;
  } catch {
    // no passwd entry (some containers)
  }
  return systemCaller(`cli:${account}`);
}
