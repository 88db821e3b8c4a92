// The layer rules in .dependency-cruiser.cjs, fed a small tree that breaks each of them
// (test/fixtures/layers): proof that the gate in `npm test` can fail, and names the import.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { cruise, type IReporterOutput } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/layers', import.meta.url));
const config = require(`${ROOT}.dependency-cruiser.cjs`) as { forbidden: unknown[] };
const babelConfig = JSON.parse(readFileSync(`${ROOT}scripts/layers/babel.json`, 'utf8')) as {
  plugins: string[];
};
// The Babel config names its plugin relative to the repository root (the cruiser's working directory).
babelConfig.plugins = babelConfig.plugins.map((p) => require.resolve(`${ROOT}${p}`));

async function violations(): Promise<string[]> {
  const cwd = process.cwd();
  process.chdir(FIXTURE);
  try {
    const result: IReporterOutput = await cruise(
      ['src'],
      { validate: true, ruleSet: { forbidden: config.forbidden } as never, doNotFollow: { path: 'node_modules' } },
      { extensions: ['.ts', '.tsx'] },
      { babelConfig },
    );
    if (typeof result.output === 'string') throw new Error('expected the cruise result as data');
    return result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
  } finally {
    process.chdir(cwd);
  }
}

describe('layer rules', () => {
  it('names every import that crosses a layer, type-only imports included, and nothing else', async () => {
    expect(await violations()).toEqual([
      'content-stays-on-the-page: src/content/page.ts -> src/store/save.ts',
      'domain-is-pure: src/domain/leak.ts -> src/report/report.ts',
      'views-render-and-ask: src/panel/views/Row.tsx -> src/store/save.ts',
      'worker-has-no-ui: src/background/worker.ts -> src/panel/panel.ts',
    ]);
  }, 30_000);
});
