// A few combinators to describe a JSON shape and check a parsed value against it. Each check
// returns a clean copy holding only the properties it knows (so unknown properties a newer or
// hostile writer added never reach the store) and throws an ImportFailure at the first problem,
// with the path of the offending field ("steps[3].findings[0].severity").
import { refuse } from './errors.ts';

export type Check<T> = (value: unknown, path: string) => T;

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const has = (obj: object, key: string): boolean => Object.prototype.hasOwnProperty.call(obj, key);

/** "a.b" / "a[2]"; keys that are not plain words are quoted and shortened. */
export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (/^[A-Za-z_$][A-Za-z0-9_$]{0,63}$/.test(key)) return path ? `${path}.${key}` : key;
  const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
  return `${path}[${JSON.stringify(shown)}]`;
}

export const invalid = (path: string, expected: string): never =>
  refuse({ code: 'invalid-field', path: path || '(file)', expected });

export interface StringOptions {
  max: number;
  pattern?: RegExp;
  /** What the pattern means, for the message. */
  expected?: string;
  /** Report a pattern mismatch as a bad id rather than a wrong field. */
  isId?: boolean;
  /** Extra test after the pattern (e.g. that a date exists). */
  test?: (value: string) => boolean;
}

export function string(opts: StringOptions): Check<string> {
  return (value, path) => {
    if (typeof value !== 'string') return invalid(path, 'text');
    if (value.length > opts.max) refuse({ code: 'too-long', path, limit: opts.max });
    if ((opts.pattern && !opts.pattern.test(value)) || (opts.test && !opts.test(value))) {
      if (opts.isId) refuse({ code: 'bad-id', path });
      invalid(path, opts.expected ?? 'text in the right format');
    }
    return value;
  };
}

export interface NumberOptions {
  min?: number;
  max?: number;
}

function range(kind: string, opts: NumberOptions): string {
  if (opts.min !== undefined && opts.max !== undefined) return `${kind} from ${opts.min} to ${opts.max}`;
  if (opts.min !== undefined) return `${kind} of at least ${opts.min}`;
  if (opts.max !== undefined) return `${kind} of at most ${opts.max}`;
  return kind;
}

function numeric(integer: boolean, opts: NumberOptions): Check<number> {
  const expected = range(integer ? 'a whole number' : 'a number', opts);
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return invalid(path, expected);
    if (integer && !Number.isInteger(value)) return invalid(path, expected);
    if (opts.min !== undefined && value < opts.min) return invalid(path, expected);
    if (opts.max !== undefined && value > opts.max) return invalid(path, expected);
    return value;
  };
}

export const number = (opts: NumberOptions = {}): Check<number> => numeric(false, opts);
export const integer = (opts: NumberOptions = {}): Check<number> => numeric(true, opts);

export const boolean: Check<boolean> = (value, path) =>
  typeof value === 'boolean' ? value : invalid(path, 'true or false');

export function literal<T extends string | number>(expected: T): Check<T> {
  return (value, path) => (value === expected ? expected : invalid(path, JSON.stringify(expected)));
}

/** One of a fixed list of values (JSON Schema `enum`). */
export function oneOf<T extends string | number | null>(values: readonly T[]): Check<T> {
  const expected = `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
  return (value, path) => (values.includes(value as T) ? (value as T) : invalid(path, expected));
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, path) => (value === null ? null : check(value, path));
}

export interface ArrayOptions {
  /** Our own cap (too-many). */
  max: number;
  /** A limit the format itself sets (JSON Schema maxItems): a wrong field. */
  maxItems?: number;
}

export function array<T>(item: Check<T>, opts: ArrayOptions): Check<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) return invalid(path, 'a list');
    if (opts.maxItems !== undefined && value.length > opts.maxItems) invalid(path, `at most ${opts.maxItems} items`);
    if (value.length > opts.max) refuse({ code: 'too-many', path, limit: opts.max });
    return value.map((entry, i) => item(entry, at(path, i)));
  };
}

type Shape = Record<string, Check<unknown>>;
type Out<P extends Shape> = { [K in keyof P]: ReturnType<P[K]> };

export interface ObjectOptions<P extends Shape> {
  /** Keys that may be absent (JSON Schema: not in `required`). */
  optional?: ReadonlyArray<keyof P & string>;
  /** Unknown keys: ignored and dropped (default), or refused (additionalProperties: false). */
  extra?: 'ignore' | 'reject';
}

export function object<P extends Shape>(props: P, opts: ObjectOptions<P> = {}): Check<Out<P>> {
  const optional = new Set<string>(opts.optional ?? []);
  return (value, path) => {
    if (!isPlainObject(value)) return invalid(path, 'an object');
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(props)) {
      if (!has(value, key)) {
        if (optional.has(key)) continue;
        invalid(at(path, key), 'a value (it is missing)');
      }
      out[key] = (props[key] as Check<unknown>)(value[key], at(path, key));
    }
    if (opts.extra === 'reject') {
      for (const key of Object.keys(value))
        if (!has(props, key)) refuse({ code: 'unknown-field', path: at(path, key) });
    }
    return out as Out<P>;
  };
}

export interface RecordOptions {
  max: number;
  /** Keys must match (else a bad id). */
  key?: RegExp;
}

/** An object used as a map (JSON Schema additionalProperties with a schema). */
export function record<T>(item: Check<T>, opts: RecordOptions): Check<Record<string, T>> {
  return (value, path) => {
    if (!isPlainObject(value)) return invalid(path, 'an object');
    const keys = Object.keys(value);
    if (keys.length > opts.max) refuse({ code: 'too-many', path, limit: opts.max });
    const entries: Array<[string, T]> = [];
    for (const key of keys) {
      if (key === '__proto__' || (opts.key && !opts.key.test(key))) refuse({ code: 'bad-id', path: at(path, key) });
      entries.push([key, item(value[key], at(path, key))]);
    }
    // fromEntries defines own properties, so no key can reach a prototype.
    return Object.fromEntries(entries);
  };
}

/** Any object, taken as it is (free-form parts of the derived scores, never stored). */
export const anyObject: Check<Record<string, unknown>> = (value, path) =>
  isPlainObject(value) ? value : invalid(path, 'an object');
