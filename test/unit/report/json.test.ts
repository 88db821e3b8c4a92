import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildReportData } from '../../../src/report/data.ts';
import {
  EXPORT_FORMAT_VERSION,
  SCREENSHOT_FILE_PATTERN,
  screenshotFileNames,
} from '../../../src/domain/export-format.ts';
import { buildExport, exportJsonText } from '../../../src/report/json.ts';
import { HOSTILE_TITLE, journey, journeyAudit, shotFor, imageBytes, loadMessages } from './fixtures.ts';
import { makeStep } from '../scores/factory.ts';
import type { BrokenExport } from '../import/helpers.ts';

loadMessages();

const schema = JSON.parse(readFileSync(new URL('../../../docs/audit-export.schema.json', import.meta.url), 'utf8'));

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addFormat(
    'date-time',
    (s: string) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)),
  );
  return ajv.compile(schema);
}

describe('JSON export', () => {
  const validate = validator();
  const { data } = journey();
  const exp = buildExport(data, { generatorVersion: '0.1.0' });
  const parsed = JSON.parse(exportJsonText(exp));

  it('validates against docs/audit-export.schema.json', () => {
    const ok = validate(parsed);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('is versioned and carries the whole audit, every step and every screenshot with its file and SHA-256', () => {
    expect(parsed.format).toBe('peakend-audit');
    expect(parsed.version).toBe(EXPORT_FORMAT_VERSION);
    expect(parsed.exportedAt).toBe(data.generatedAt);
    expect(parsed.generator).toEqual({ name: 'Peakend', version: '0.1.0' });
    expect(parsed.audit).toEqual(data.audit);
    expect(parsed.steps.map((s: { id: string }) => s.id)).toEqual(['s0', 's1', 's2', 's3', 's4', 's5']);
    expect(parsed.steps[2].title).toBe(HOSTILE_TITLE);
    expect(parsed.screenshots).toHaveLength(5);
    for (const [i, shot] of parsed.screenshots.entries()) {
      expect(shot.sha256).toBe(data.screenshots[i]?.sha256);
      expect(shot.file).toBe(`screenshots/${data.screenshots[i]?.id}.jpg`);
    }
    expect(parsed.scores.peakEnd.pe100).toBe(37.5);
  });

  it('leaves the scores out on request and still validates', () => {
    const bare = JSON.parse(exportJsonText(buildExport(data, { scores: false })));
    expect(bare.scores).toBeUndefined();
    expect(bare.generator.version).toBeNull();
    expect(validate(bare)).toBe(true);
  });

  it('is rejected by the schema when it breaks the format', () => {
    const cases: Array<(x: BrokenExport) => void> = [
      (x) => (x.version = 4),
      (x) => (x.format = 'other'),
      (x) => (x.screenshots[0].sha256 = 'not-a-hash'),
      (x) => (x.screenshots[0].file = '../../etc/passwd'),
      (x) => (x.steps[0].valence = 9),
      (x) => delete x.audit.site,
      (x) => (x.extra = true),
      (x) => (x.exportedAt = 'yesterday'),
    ];
    for (const change of cases) {
      const copy = JSON.parse(JSON.stringify(parsed));
      change(copy);
      expect(validate(copy)).toBe(false);
    }
  });

  it('validates an empty audit too', () => {
    const empty = buildExport(buildReportData(journeyAudit({ endSurvey: null }), [], [], '2026-11-23T12:00:00.000Z'));
    expect(validate(JSON.parse(exportJsonText(empty)))).toBe(true);
  });
});

describe('screenshot file names', () => {
  it('are sanitised, unique and keep the image type', () => {
    const step = makeStep({ id: 'sx', index: 0 });
    const a = { ...shotFor(step, imageBytes(10, 1)), id: '../evil/x' };
    const b = { ...shotFor(step, imageBytes(10, 2)), id: '.._evil_x' };
    const c = { ...shotFor(step, imageBytes(10, 3)), id: 'png1', mime: 'image/png' };
    const names = screenshotFileNames([a, b, c]);
    expect(names.get('../evil/x')).toBe('screenshots/___evil_x.jpg');
    // Sanitises to the same name as the first one, so it gets a suffix.
    expect(names.get('.._evil_x')).toBe('screenshots/___evil_x-2.jpg');
    expect(names.get('png1')).toBe('screenshots/png1.png');
  });

  it('are all of the form the import accepts', () => {
    const step = makeStep({ id: 'sx', index: 0 });
    const ids = ['../evil/x', '', 'a b', 'a_b', 'é', 'x'.repeat(200), 'ok_1-2'];
    const shots = ids.map((id, i) => ({
      ...shotFor(step, imageBytes(10, i)),
      id,
      mime: i % 2 ? 'image/png' : 'odd/type',
    }));
    const names = [...screenshotFileNames(shots).values()];
    expect(names).toHaveLength(ids.length);
    for (const name of names) expect(name).toMatch(SCREENSHOT_FILE_PATTERN);
  });
});
