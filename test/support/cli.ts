// Runs the `jiliang` command as a user would: bin/jiliang.js in a child process, to its exit.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/jiliang.js', import.meta.url));

export interface CliResult { readonly code: number; readonly stdout: string; readonly stderr: string }

export interface CliOptions {
  /** Variables set on top of this process's environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** Written to the command's stdin, which is then closed (closed at once without it). */
  readonly input?: string;
}

/** Resolves with the exit code and both outputs, whether or not the command succeeds. */
export async function runJiliang(args: readonly string[], { env, input }: CliOptions = {}): Promise<CliResult> {
  const child = run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
  child.child.stdin?.end(input ?? '');
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as CliResult;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
