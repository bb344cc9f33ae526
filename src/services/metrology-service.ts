// The industrial metrology calculations (GUM, Monte Carlo, conformance, intervals, gauge R&R, SPC)
// behind both `POST /api/v1/metrology/<kind>` and `jiliang metrology <kind>`.
import { METROLOGY_KINDS, MetrologyInputError, runMetrology, type MetrologyKind } from '../metrology/index.ts';
import { AppError } from '../domain/errors.ts';
import { metrologyFieldErrors } from './metrology-field-errors.ts';
import { metrologyWorkbook } from './metrology-report.ts';
import { metrologyReportPdf } from './metrology-pdf/index.ts';

export { METROLOGY_KINDS, type MetrologyKind };

export class MetrologyService {
  /** Runs a calculation; bad input becomes JL_ERR_VALIDATION with the library's pointers. */
  calculate(kind: MetrologyKind, input: unknown): unknown {
    try {
      return runMetrology(kind, input);
    } catch (error) {
      if (error instanceof MetrologyInputError) {
        throw new AppError('JL_ERR_VALIDATION', metrologyFieldErrors(error));
      }
      throw error;
    }
  }

  /**
   * The calculation as an .xlsx workbook (result, input and the kind's tables); bad input as in
   * calculate. A caller that already has the result (the CLI) passes it to skip running it again.
   */
  async report(kind: MetrologyKind, input: unknown, result: unknown = this.calculate(kind, input)): Promise<Buffer> {
    return metrologyWorkbook(kind, input, result);
  }

  /**
   * The calculation as an A4 PDF report (input, result tables, verdicts and charts); bad input as
   * in calculate, and a caller with the result passes it. The same input gives the same bytes.
   */
  async reportPdf(kind: MetrologyKind, input: unknown, result: unknown = this.calculate(kind, input)): Promise<Buffer> {
    return metrologyReportPdf(kind, input, result);
  }
}
