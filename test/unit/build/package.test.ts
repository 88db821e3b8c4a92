import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isShipped, shippedFiles } from '../../../scripts/package.ts';

describe('what a store package ships', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('leaves out dotfiles, dot folders and source maps', () => {
    expect(isShipped('manifest.json')).toBe(true);
    expect(isShipped('assets/core-abc.js')).toBe(true);
    expect(isShipped('.vite/manifest.json')).toBe(false);
    expect(isShipped('assets/.DS_Store')).toBe(false);
    expect(isShipped('assets/core-abc.js.map')).toBe(false);
  });

  it('lists the build folder as zip paths, nested files included', () => {
    dir = mkdtempSync(join(tmpdir(), 'peakend-package-'));
    mkdirSync(join(dir, 'src', 'panel'), { recursive: true });
    mkdirSync(join(dir, '.vite'));
    for (const file of ['manifest.json', 'src/panel/index.html', '.vite/manifest.json', 'src/panel/x.js.map']) {
      writeFileSync(join(dir, file), '{}');
    }
    expect(shippedFiles(dir)).toEqual(['manifest.json', 'src/panel/index.html']);
  });
});
