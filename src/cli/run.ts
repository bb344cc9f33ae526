// Turns failures into the catalog's exit codes and a problem JSON on stderr.
import { AppError, ERROR_CATALOG } from '../domain/errors.ts';
import { problemFromAppError } from '../domain/problem.ts';

export async function runCommand(action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (error instanceof AppError) {
      process.stderr.write(`${JSON.stringify(problemFromAppError(error, 'zh'), null, 2)}\n`);
      process.exitCode = ERROR_CATALOG[error.code].exitCode;
      return;
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
}
