// Batch import: the file goes up as the raw request body; a 422 JL_ERR_IMPORT_HAS_ERRORS still
// carries the row report, which the caller shows.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, request } from './client.ts';
import type { ImportFormat, ImportKind, ImportMode, ImportReport } from './types.ts';

export function templateUrl(kind: ImportKind, format: ImportFormat): string {
  return `/api/v1/imports/templates/${kind}.${format}`;
}

/** The import format from a file name, or null when the extension is not supported. */
export function formatOf(fileName: string): ImportFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  return null;
}

export interface ImportInput {
  kind: ImportKind;
  format: ImportFormat;
  mode: ImportMode;
  file: Blob;
}

export type ImportOutcome =
  | { readonly ok: true; readonly report: ImportReport }
  | { readonly ok: false; readonly report: ImportReport; readonly error: ApiError };

export function useImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: ImportInput): Promise<ImportOutcome> => {
      const body = await input.file.arrayBuffer();
      try {
        const report = await request<ImportReport>(`/api/v1/imports/${input.kind}`, {
          method: 'POST',
          query: { format: input.format, mode: input.mode, dryRun: false },
          body,
          contentType: 'application/octet-stream',
        });
        return { ok: true, report };
      } catch (error) {
        if (error instanceof ApiError && error.problem.report) {
          return { ok: false, report: error.problem.report, error };
        }
        throw error;
      }
    },
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['instruments'] }),
        client.invalidateQueries({ queryKey: ['organizations'] }),
        client.invalidateQueries({ queryKey: ['supervision'] }),
      ]),
  });
}
