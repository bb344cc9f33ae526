// `jiliang admin create` (the first platform administrator) and `jiliang token create` (machine
// tokens for collectors and integrations on the same database).
import { createInterface } from 'node:readline';
import { Option, type Command } from 'commander';
import { ROLES } from '../../domain/auth/roles.ts';
import { cliCaller, openContext } from './shared.ts';

/** Reads the password from the first line of stdin, or asks for it without echo on a terminal. */
async function readPassword(fromStdin: boolean): Promise<string> {
  if (!fromStdin && !process.stdin.isTTY) throw new Error('no terminal to ask for the password: pass it on stdin with --password-stdin');
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: !fromStdin });
  try {
    if (!fromStdin) {
      process.stderr.write('Password (12–128 characters): ');
      // Echo nothing while the password is typed.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
    }
    const line = await new Promise<string>((resolve, reject) => {
      rl.once('line', resolve);
      rl.once('close', () => reject(new Error('no password given')));
    });
    if (!fromStdin) process.stderr.write('\n');
    return line;
  } finally {
    rl.close();
  }
}

export function registerAccounts(program: Command): void {
  const admin = program.command('admin').description('platform administrators');
  admin
    .command('create')
    .description('create a platform administrator (password from the terminal or --password-stdin)')
    .requiredOption('--username <name>', 'login name: lower-case letters, digits, . _ -')
    .option('--display-name <name>', 'name shown in the UI', '平台管理员')
    .option('--password-stdin', 'read the password from the first line of stdin')
    .action(async (options: { username: string; displayName: string; passwordStdin?: boolean }, command: Command) => {
      const password = await readPassword(options.passwordStdin ?? false);
      const ctx = await openContext(command);
      try {
        const user = await ctx.accounts.createUser(cliCaller(), {
          username: options.username,
          displayName: options.displayName,
          password,
          grants: [{ role: 'platform_admin', scope: 'platform' }],
        });
        process.stdout.write(`${JSON.stringify(user, null, 2)}\n`);
      } finally {
        await ctx.close();
      }
    });

  const token = program.command('token').description('machine tokens (Authorization: Bearer …)');
  token
    .command('create')
    .description('create a machine token and print it (it is shown only this once)')
    .addOption(new Option('--role <role>', 'role the token acts in').choices(ROLES).makeOptionMandatory())
    .requiredOption('--scope <scope>', 'platform | city | district:<code> | organization:<id>')
    .option('--name <label>', 'what the token is for', 'cli')
    .option('--expires-in-days <days>', 'days the token is valid (1–3650)', '365')
    .option('--json', 'print the token record as JSON instead of the bare token')
    .action(async (options: { role: string; scope: string; name: string; expiresInDays: string; json?: boolean }, command: Command) => {
      const ctx = await openContext(command);
      try {
        const created = await ctx.accounts.createToken(cliCaller(), { name: options.name, role: options.role, scope: options.scope, expiresInDays: Number(options.expiresInDays) });
        process.stdout.write(options.json ? `${JSON.stringify(created, null, 2)}\n` : `${created.token}\n`);
      } finally {
        await ctx.close();
      }
    });
}
