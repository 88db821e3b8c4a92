// Where the Chromium binary is, and the flags an unpacked MV3 extension needs under Playwright.
// See ../shared/BROWSER-TESTING.md (from the repository root) for why each flag is there.
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const DEBIAN_BINARY = '/usr/lib/chromium/chromium';

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, name);
    if (isExecutableFile(file)) return file;
  }
  return undefined;
}

/** True for Debian's `/usr/bin/chromium` shell wrapper (it execs /usr/lib/chromium/chromium). */
function isDebianWrapper(file: string): boolean {
  try {
    const head = readFileSync(file, { encoding: 'latin1' }).slice(0, 4096);
    return head.startsWith('#!') && head.includes('/usr/lib/') && head.includes('chromium');
  } catch {
    return false;
  }
}

/**
 * Finds a Chromium/Chrome executable: `$CHROME_PATH`, then `chromium`, `chromium-browser`,
 * `google-chrome` on PATH, then Debian's `/usr/lib/chromium/chromium`.
 *
 * Debian's `/usr/bin/chromium` is a shell script that sources /etc/chromium.d (adding flags such as
 * an empty `--load-extension=` and `--enable-remote-extensions`) and prints a stray warning; it does
 * work with Playwright, but when it is the one found and the real binary is next to it, the real
 * binary is returned so the browser gets exactly our flags.
 * Returns undefined when nothing is found.
 */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return fromEnv;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const found = onPath(name);
    if (!found) continue;
    if (isDebianWrapper(found) && isExecutableFile(DEBIAN_BINARY)) return DEBIAN_BINARY;
    return found;
  }
  return isExecutableFile(DEBIAN_BINARY) ? DEBIAN_BINARY : undefined;
}

/** Like findChromium, but checks the result is executable and throws an error that says how to get a browser. */
export function requireChromium(): string {
  const found = findChromium();
  if (!found) {
    throw new Error(
      "No Chromium found: set CHROME_PATH, or install Debian's chromium (apt-get install -y chromium). " +
        "Playwright's own browser download is not available here.",
    );
  }
  if (!isExecutableFile(found)) {
    throw new Error(
      `Chromium at ${found}${process.env.CHROME_PATH ? ' (from CHROME_PATH)' : ''} is not an executable file.`,
    );
  }
  return found;
}

/** Command-line flags to load the unpacked extension in `distDir` (an absolute path). */
export function extensionArgs(distDir: string): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    // Playwright passes --disable-extensions by default; this re-enables ours only.
    `--disable-extensions-except=${distDir}`,
    `--load-extension=${distDir}`,
  ];
}
