import type { Command } from 'commander';
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
