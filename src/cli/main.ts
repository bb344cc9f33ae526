// The `jiliang` command line. Every command calls the same services as the HTTP API.
import { Command, Option } from 'commander';
import { registerServe } from './commands/serve.ts';
import { registerDemo } from './commands/demo.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerImport } from './commands/import.ts';
import { registerExport } from './commands/export.ts';
import { registerMetrology } from './commands/metrology.ts';
import { registerAudit } from './commands/audit.ts';
import { registerAccounts } from './commands/accounts.ts';
import { registerLog } from './commands/log.ts';
import { registerCert } from './commands/cert.ts';
import { registerKeys } from './commands/keys.ts';
import { runCommand } from './run.ts';

const program = new Command()
  .name('jiliang')
  .description('计量 Jiliang — metrology supervision and service platform')
  .version('0.1.0')
  .addOption(new Option('--database <url>', 'sqlite:<path> or postgres://… (default: $DATABASE_URL or sqlite:./jiliang-data/jiliang.db)').env('DATABASE_URL'))
  .showHelpAfterError();

registerServe(program);
registerDemo(program);
registerMigrate(program);
registerImport(program);
registerExport(program);
registerMetrology(program);
registerAudit(program);
registerAccounts(program);
registerLog(program);
registerCert(program);
registerKeys(program);

await runCommand(() => program.parseAsync(process.argv));
