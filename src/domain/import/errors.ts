// Why an import was refused: a typed code with the details a message needs. These codes are members
// of PeakendError (../errors.ts), which the panel turns into words; nothing here is shown as it is.
import { PeakendFailure } from '../errors.ts';

export type ImportProblem =
  | { code: 'file-too-large'; size: number; limit: number }
  | { code: 'empty-file' }
  | { code: 'unknown-file-type' }
  | { code: 'not-a-zip' }
  | { code: 'not-json'; reason: string }
  | { code: 'json-too-large'; size: number; limit: number }
  | { code: 'zip-truncated' }
  | { code: 'zip-corrupt'; reason: string }
  | { code: 'zip-unsupported'; feature: 'zip64' | 'encrypted' | 'multi-disk' | 'method'; name?: string }
  | { code: 'zip-too-many-files'; count: number; limit: number }
  | { code: 'zip-entry-too-large'; name: string; size: number; limit: number }
  | { code: 'zip-total-too-large'; size: number; limit: number }
  | { code: 'zip-bomb'; name: string; ratio: number; limit: number }
  | { code: 'zip-unsafe-name'; name: string }
  | { code: 'zip-duplicate-name'; name: string }
  | { code: 'zip-no-json'; name: string }
  | { code: 'wrong-format' }
  | { code: 'newer-version'; version: number; supported: number }
  | { code: 'unsupported-version'; version: string; supported: number }
  | { code: 'invalid-field'; path: string; expected: string }
  | { code: 'unknown-field'; path: string }
  | { code: 'too-long'; path: string; limit: number }
  | { code: 'too-many'; path: string; limit: number }
  | { code: 'bad-id'; path: string }
  | { code: 'duplicate-id'; path: string; id: string }
  | { code: 'broken-reference'; path: string; id: string }
  /** METHOD.md: weights are the integers 1, 2 and 3; any other is refused, never clamped. */
  | { code: 'weight-out-of-range'; criterionId: string; weight: string }
  | { code: 'screenshot-missing'; shotId: string; file: string }
  | { code: 'screenshot-bad-type'; shotId: string; mime: string }
  | { code: 'screenshot-not-image'; shotId: string; file: string }
  | { code: 'screenshot-type-mismatch'; shotId: string; mime: string; detected: string }
  | { code: 'screenshot-size-mismatch'; shotId: string; expected: number; actual: number }
  | { code: 'screenshot-hash-mismatch'; shotId: string; file: string }
  | { code: 'attachment-file-missing'; file: string }
  | { code: 'attachment-file-mismatch'; file: string; mime: string; detected: string }
  | { code: 'attachment-file-altered'; file: string };

export type ImportErrorCode = ImportProblem['code'];

export type Result<T> = { ok: true; value: T } | { ok: false; error: ImportProblem };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: ImportProblem): Result<T> => ({ ok: false, error });

/** Thrown inside the validators and the zip reader; turned into a Result at their edge. */
export class ImportFailure extends PeakendFailure {
  constructor(readonly problem: ImportProblem) {
    super(problem);
    this.name = 'ImportFailure';
  }
}

export function refuse(problem: ImportProblem): never {
  throw new ImportFailure(problem);
}

/** Runs `work`, turning an ImportFailure into a failed Result (other errors propagate). */
export function attempt<T>(work: () => T): Result<T> {
  try {
    return ok(work());
  } catch (error) {
    if (error instanceof ImportFailure) return fail(error.problem);
    throw error;
  }
}
