// The one place a PeakendError becomes words, for the panel and the report alike: the message
// `error_<code>` (`-` as `_`, as message names allow only [A-Za-z0-9_@]) with the code's fields, in
// ERROR_PARAMS order, as its placeholders. Every detail is inserted as text, never as markup.
import { ERROR_PARAMS, type ErrorCode, type PeakendError } from '../domain/errors.ts';
import { t, type MessageKey } from './t.ts';

export const errorKey = (code: ErrorCode): MessageKey => `error_${code.replace(/-/g, '_')}` as MessageKey;

// Codes whose size and limit are byte counts, shown as "12 MB" rather than 12582912.
const IN_BYTES: ReadonlySet<ErrorCode> = new Set([
  'file-too-large',
  'json-too-large',
  'zip-entry-too-large',
  'zip-total-too-large',
  'attachment-too-large',
]);

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} ${units[0]}` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

function shown(error: PeakendError, field: string): string {
  const value = (error as unknown as Record<string, unknown>)[field];
  if (IN_BYTES.has(error.code) && (field === 'size' || field === 'limit')) return formatBytes(Number(value));
  // The entry a feature was met in, when known, belongs beside the feature's name.
  if (error.code === 'zip-unsupported' && error.name) return `${error.feature}: ${error.name}`;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

export function describeError(error: PeakendError): string {
  const fields: readonly string[] = ERROR_PARAMS[error.code];
  return t(errorKey(error.code), ...fields.map((field) => shown(error, field)));
}
