// The panel's views and components render and ask: they never import the store (reads go through
// src/panel/audit-data.ts, library-data.ts, templates.ts and hooks.ts, writes through actions.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const STORE = resolve('src/store');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every module a file imports, statically, as a type, or on demand, as an absolute path. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)].map(
    (m) => m[1] as string,
  );
  return specifiers.filter((s) => s.startsWith('.')).map((s) => resolve(dirname(file), s));
}

const intoStore = (file: string) =>
  importsOf(file)
    .filter((target) => target === STORE || target.startsWith(STORE + '/'))
    .map((target) => `${relative('.', file)} -> ${relative('.', target)}`);

describe('panel layers', () => {
  it('no view or component imports src/store', () => {
    const files = [...sources('src/panel/views'), ...sources('src/panel/components')];
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap(intoStore)).toEqual([]);
  });

  it('the check sees a store import where there is one', () => {
    expect(intoStore('src/panel/actions.ts')).toContain('src/panel/actions.ts -> src/store/index.ts');
  });
});
