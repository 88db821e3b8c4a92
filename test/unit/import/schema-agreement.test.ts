// The hand-written validator and docs/audit-export.schema.json (through ajv) must agree: on the
// valid exports, and on every sample made by breaking one field of a valid export (each value
// replaced by one of another JSON type, out of range, or removed). Where our validator is stricter
// than the schema on purpose (caps, id formats, references), the samples below say so.
import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateExportJson } from '../../../src/domain/import/index.ts';
import { clone, fixture, type BrokenExport } from './helpers.ts';

const schema = JSON.parse(readFileSync('docs/audit-export.schema.json', 'utf8'));

function ajvValidator() {
  const ajv = new Ajv2020({ allErrors: false, strict: true });
  ajv.addFormat(
    'date-time',
    (s: string) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)),
  );
  return ajv.compile(schema);
}

const ajv = ajvValidator();
const ours = (value: unknown): boolean => validateExportJson(value).ok;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value in the document (arrays and objects included). */
function paths(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push([...prefix, i], ...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push([...prefix, k], ...paths(v, [...prefix, k]));
  return out;
}

function setAt(
  doc: BrokenExport,
  path: Array<string | number>,
  replace: (old: unknown) => unknown /* the new value, or REMOVE */,
): void {
  const parent = path.slice(0, -1).reduce((o, k) => o[k], doc);
  const key = path.at(-1)!;
  const next = replace(parent[key]);
  if (next === REMOVE) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else parent[key] = next;
}

const REMOVE = Symbol('remove');

/** Values of other JSON types than `old`, plus numbers just outside the usual ranges. */
function wrongValues(old: unknown): unknown[] {
  const out: unknown[] = [];
  if (typeof old !== 'string') out.push('text');
  if (typeof old !== 'number') out.push(7);
  if (typeof old !== 'boolean') out.push(true);
  if (old !== null) out.push(null);
  if (!Array.isArray(old)) out.push([]);
  if (!(old && typeof old === 'object' && !Array.isArray(old))) out.push({});
  // Numbers: every boundary of the scales in the format (-100, -4, 0, 1, 3, 4, 5, 7, 9, 100 ...).
  if (typeof old === 'number')
    out.push(
      old + 0.5,
      old + 1,
      old - 1,
      -1000,
      -101,
      -100,
      -5,
      -4,
      -2,
      -1,
      0,
      1,
      2,
      3,
      4,
      5,
      6,
      8,
      9,
      10,
      100,
      101,
      1e9,
    );
  if (typeof old === 'string') out.push('', 'x'.repeat(3));
  return out;
}

describe('hand-written validator and JSON Schema agree', () => {
  const samples = [
    ['full export', fixture().exp],
    [
      'capture records naming frames',
      (() => {
        const e = clone(fixture().exp);
        e.steps[0].capture = { status: 'ok', skippedFrames: [{ url: 'https://ads.test/', reason: 'not-loaded' }] };
        e.steps[1].capture = { status: 'failed', reason: 'frame-silent', frames: ['https://pay.test/card'] };
        return e;
      })(),
    ],
    [
      'export from before the text-masking switch',
      (() => {
        const e = clone(fixture().exp);
        delete e.audit.maskText;
        return e;
      })(),
    ],
    [
      'touchpoint step with attachments',
      (() => {
        const e = clone(fixture().exp);
        Object.assign(e.steps[2], { url: '', kind: 'touchpoint', channel: 'in-store', occurredAt: 1795000000000 });
        e.steps[1].kind = 'page';
        e.steps[0].occurredAt = null;
        const base = { auditId: e.audit.id, stepId: e.steps[2].id, addedAt: '2026-11-23T10:05:00.000Z' };
        e.attachments = [
          {
            ...base,
            id: 'att_1',
            name: 'till.jpg',
            mime: 'image/jpeg',
            bytes: 10,
            sha256: 'ab'.repeat(32),
            width: 4,
            height: 3,
            redactions: 1,
            file: 'attachments/att_1.jpg',
          },
          {
            ...base,
            id: 'att_2',
            name: 'r.pdf',
            mime: 'application/pdf',
            bytes: 9,
            sha256: 'cd'.repeat(32),
            width: null,
            height: null,
            redactions: 0,
            file: null,
          },
        ];
        return e;
      })(),
    ],
    [
      'programme audit, returned and resubmitted',
      (() => {
        const e = clone(fixture().exp);
        e.audit.programme = { id: 'prg_retail', name: 'Retail Q4', wave: 'Wave 2' };
        e.audit.review = [
          { state: 'submitted', by: 'ana', at: '2026-12-01T11:00:00.000Z', comment: '' },
          { state: 'returned', by: 'rex', at: '2026-12-01T12:00:00.000Z', comment: 'F1 lacks evidence' },
          { state: 'submitted', by: 'ana', at: '2026-12-01T13:00:00+01:00', comment: 'Added it' },
        ];
        return e;
      })(),
    ],
    [
      'running audit, no scores',
      (() => {
        const e = clone(fixture({ status: 'running', touchpoint: 2 }).exp);
        delete e.scores;
        delete e.completeness;
        return e;
      })(),
    ],
  ] as const;

  it.each(samples)('both accept the %s', (_name, exp) => {
    const doc = JSON.parse(JSON.stringify(exp));
    expect(ajv(doc), JSON.stringify(ajv.errors)).toBe(true);
    expect(ours(doc)).toBe(true);
  });

  it('both decide alike on every one-field break of a valid export', () => {
    const base = JSON.parse(JSON.stringify(fixture().exp)) as Json;
    const disagreements: string[] = [];
    let checked = 0;
    let rejected = 0;
    for (const path of representative(paths(base))) {
      for (const wrong of [...wrongValues(path.reduce((o: BrokenExport, k) => o[k], base)), REMOVE]) {
        const doc = JSON.parse(JSON.stringify(base));
        setAt(doc, path, () => wrong);
        // Our stricter rules, on purpose: not a disagreement about the schema.
        const { extraRule } = classify(path, wrong);
        const a = ajv(doc) === true;
        const b = ours(doc);
        checked += 1;
        if (!a) rejected += 1;
        // A version-1 or -2 file is not valid version 3 by the schema, and still imports: upgraded first.
        const upgraded = path.join('.') === 'version' && (wrong === 1 || wrong === 2) && !a && b;
        if (a !== b && !(a && !b && extraRule) && !upgraded)
          disagreements.push(
            `${path.join('.')} := ${String(typeof wrong === 'symbol' ? 'REMOVED' : JSON.stringify(wrong))}: ajv ${a}, ours ${b}`,
          );
      }
    }
    expect(disagreements).toEqual([]);
    expect(checked).toBeGreaterThan(1500);
    expect(rejected).toBeGreaterThan(2000);
  }, 60_000);
});

describe('every enum value of the schema is accepted where it belongs', () => {
  const defs = schema.$defs;
  const cases: Array<[string, string[], (exp: BrokenExport, v: unknown) => void]> = [
    ['step trigger', defs.step.properties.trigger.enum, (e, v) => (e.steps[0].trigger = v)],
    ['step stage source', defs.step.properties.stageSource.enum, (e, v) => (e.steps[0].stageSource = v)],
    [
      'capture status',
      defs.step.properties.capture.properties.status.enum,
      (e, v) => (e.steps[0].capture = { status: v }),
    ],
    ['emotion', defs.emotionId.enum, (e, v) => (e.steps[0].emotions = [{ emotion: v, intensity: 2 }])],
    ['finding element', defs.elementId.enum, (e, v) => (e.steps[1].findings[0].element = v)],
    ['audit status', defs.audit.properties.status.enum, (e, v) => (e.audit.status = v)],
    ['touchpoint', defs.audit.properties.touchpoint.enum, (e, v) => (e.audit.touchpoint = v)],
    ['criterion mark', defs.criterionMark.properties.mark.enum, (e, v) => (e.audit.rubric.marks.M1.mark = v)],
  ];
  it.each(cases)('%s', (_name, values, set) => {
    expect(values.length).toBeGreaterThan(1);
    for (const value of values) {
      const exp = clone(fixture().exp);
      set(exp, value);
      expect(ajv(exp), `${String(value)} (ajv)`).toBe(true);
      expect(ours(exp), `${String(value)} (ours)`).toBe(true);
    }
  });
});

/** One path per shape: list items after the second and most unmarked rubric criteria are alike. */
function representative(all: Array<Array<string | number>>): Array<Array<string | number>> {
  const seen = new Set<string>();
  return all.filter((path) => {
    if (path.some((k) => typeof k === 'number' && k > 1)) return false;
    const i = path.indexOf('marks');
    if (path[0] === 'audit' && i >= 0 && path.length > i + 1 && !['M1', 'M2', 'F1', 'I3'].includes(String(path[i + 1])))
      return false;
    const key = path.join('.');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Where the schema accepts and we refuse on purpose: ids that are not plain tokens or point at
 * nothing, removing an array item someone references, duplicate indexes, and screenshot mimes.
 */
function classify(path: Array<string | number>, wrong: unknown): { extraRule: boolean } {
  const last = path.at(-1);
  const joined = path.join('.');
  const idLike =
    typeof last === 'string' &&
    /(^id$|Id$)/.test(last) &&
    !joined.startsWith('scores') &&
    !joined.startsWith('completeness');
  if (idLike) return { extraRule: true }; // '', 'xxx' as ids: bad or broken references
  if (last === 'index' && path[0] === 'steps') return { extraRule: true }; // duplicate index
  if (last === 'mime') return { extraRule: true }; // only JPEG and PNG pixels are imported
  // A probe's times in order: no reply before it was sent or before the reply listed before it.
  if (path[0] === 'probes' && (last === 'sentAt' || last === 'at' || last === 'resolvedAt')) return { extraRule: true };
  if ((path[0] === 'steps' || path[0] === 'screenshots') && path.length === 2 && wrong === REMOVE)
    return { extraRule: true }; // a referenced record removed
  if (path[0] === 'steps' && path[2] === 'findings' && path.length === 4 && wrong === REMOVE)
    return { extraRule: true }; // evidence of a removed finding
  return { extraRule: false };
}
