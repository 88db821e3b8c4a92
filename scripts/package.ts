// `npm run package` (after `npm run build`): the store packages, versioned from package.json, in
// packages/:
//   peakend-chrome-<version>.zip    for the Chrome Web Store: dist/ zipped, manifest.json at the root
//   peakend-firefox-<version>.zip   for addons.mozilla.org: `web-ext build` of dist-firefox/
// Each holds the built extension and nothing else (no dotfiles, no source maps), which is checked
// after writing; a build whose manifest carries another version is refused.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What a store package never holds: dotfiles (editor and tool state) and source maps. */
export function isShipped(path: string): boolean {
  return !path.split('/').some((part) => part.startsWith('.')) && !path.endsWith('.map');
}

/** Every file under `dir` the package ships, as zip paths ('/'-separated, relative to `dir`). */
export function shippedFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const full = join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.filter(isShipped);
}

/** The built manifest's version, which must be package.json's. */
function checkVersion(dir: string, version: string): void {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  const built = (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version;
  if (built !== version) throw new Error(`${file} says version ${built}, package.json ${version}: build again`);
}

/** The zip's entries must be exactly the build's shipped files. */
function checkZip(zip: string, dir: string): number {
  const entries = Object.keys(unzipSync(readFileSync(zip))).filter((name) => !name.endsWith('/'));
  const expected = shippedFiles(dir);
  const extra = entries.filter((e) => !expected.includes(e));
  const missing = expected.filter((e) => !entries.includes(e));
  if (extra.length || missing.length || !entries.includes('manifest.json')) {
    throw new Error(`${zip}: extra ${JSON.stringify(extra)}, missing ${JSON.stringify(missing)}`);
  }
  return entries.length;
}

export function packageAll(root = ROOT): string[] {
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const chromeDir = join(root, 'dist');
  const firefoxDir = join(root, 'dist-firefox');
  const outDir = join(root, 'packages');
  checkVersion(chromeDir, version);
  checkVersion(firefoxDir, version);
  mkdirSync(outDir, { recursive: true });

  const chromeZip = join(outDir, `peakend-chrome-${version}.zip`);
  const files = Object.fromEntries(
    shippedFiles(chromeDir).map((path) => [path, new Uint8Array(readFileSync(join(chromeDir, path)))]),
  );
  writeFileSync(chromeZip, zipSync(files, { level: 9 }));

  const firefoxName = `peakend-firefox-${version}.zip`;
  const firefoxZip = join(outDir, firefoxName);
  rmSync(firefoxZip, { force: true });
  const webExt = join(root, 'node_modules', '.bin', 'web-ext');
  const run = spawnSync(
    webExt,
    [
      'build',
      '--source-dir',
      firefoxDir,
      '--artifacts-dir',
      outDir,
      '--filename',
      firefoxName,
      '--overwrite-dest',
      '--no-input',
      '--ignore-files',
      '**/*.map',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (run.status !== 0) throw new Error(`web-ext build failed (exit ${run.status ?? run.signal})`);

  for (const [zip, dir] of [
    [chromeZip, chromeDir],
    [firefoxZip, firefoxDir],
  ] as const) {
    const count = checkZip(zip, dir);
    console.log(`[package] ${relative(root, zip)}: ${count} files, ${statSync(zip).size} bytes`);
  }
  return [chromeZip, firefoxZip];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    packageAll();
  } catch (err) {
    console.error(`[package] ${(err as Error).message}`);
    process.exitCode = 1;
  }
}
