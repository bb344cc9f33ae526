import type { Command } from 'commander';
import { createContext, type AppContext } from '../../services/context.ts';

/** Opens the services on the database named by the global --database option. */
export function openContext(command: Command): Promise<AppContext> {
  const { database } = command.optsWithGlobals<{ database?: string }>();
  return createContext({ databaseUrl: database });
}
