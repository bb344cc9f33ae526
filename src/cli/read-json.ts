// Reads a JSON file (or stdin for "-") for a command, with catalog errors for what cannot be read.
import { readFileSync } from 'node:fs';
import { AppError } from '../domain/errors.ts';

export function readJson(file: string): unknown {
  const name = file === '-' ? 'stdin' : file;
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new AppError('JL_ERR_UNREADABLE_INPUT', [], { zh: `无法读取 ${name}（${reason}）`, en: `Cannot read ${name} (${reason})` });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('JL_ERR_MALFORMED_BODY', [], { zh: `${name} 不是合法的 JSON`, en: `${name} is not valid JSON` });
  }
}
