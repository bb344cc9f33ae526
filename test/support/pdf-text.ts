// The text of a PDF, page by page, as poppler's pdftotext extracts it (form feed between pages).
// pdftotext (Debian poppler-utils) is a hard requirement: .ci/run installs it, and a missing tool
// fails the test with the package to install.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

/** `raw`: in drawing order (pdftotext -raw) rather than laid out. */
export function pdfPages(pdf: Buffer, { raw = false }: { raw?: boolean } = {}): string[] {
  const result = spawnSync('pdftotext', [...(raw ? ['-raw'] : []), '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    assert.fail('pdftotext is not installed: apt-get install poppler-utils (.ci/run installs it)');
  }
  if (result.error) throw result.error;
  assert.equal(result.status, 0, result.stderr);
  const pages = result.stdout.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}
