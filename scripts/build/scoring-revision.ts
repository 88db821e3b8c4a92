// Which build of the scoring code made a stored score summary (src/store/score-cache.ts): a hash of
// every source file of src/domain, which holds all of it (scores, rubric, templates, the model). A
// build whose domain differs in any byte names itself differently, so summaries stored by an older
// one are computed again rather than trusted.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

// Relative to the repository root, where vite and vitest run (as vite.config.ts's own paths are).
const DOMAIN = resolve('src/domain');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|json)$/.test(entry.name) ? [path] : [];
  });
}

export function scoringRevision(dir = DOMAIN): string {
  const hash = createHash('sha256');
  for (const file of sources(dir).sort()) {
    hash.update(relative(dir, file).replaceAll('\\', '/')).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}
