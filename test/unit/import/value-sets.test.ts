// The closed sets of values in the export (statuses, triggers, the 20 emotions ...) are the domain's
// const arrays. The import accepts exactly their members, and docs/audit-export.schema.json lists
// exactly them, in the same order.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MISSING_KINDS } from '../../../src/domain/completeness.ts';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, SCREENSHOT_FILE_PATTERN } from '../../../src/domain/export-format.ts';
import { IMAGE_MIMES, validateExportJson } from '../../../src/domain/import/index.ts';
import {
  AUDIT_STATUSES,
  CAPTURE_STATUSES,
  ELEMENT_IDS,
  EMOTION_IDS,
  MARKS,
  STAGE_SOURCES,
  STEP_TRIGGERS,
  TOUCHPOINT_SCENARIOS,
} from '../../../src/domain/model.ts';
import { SCORE_WARNING_KINDS } from '../../../src/domain/scores/index.ts';
import { OVERALL_COMPONENTS } from '../../../src/domain/scores/overall.ts';
import { clone, fixture, type BrokenExport } from './helpers.ts';

type Values = readonly (string | number | null)[];
/** A node of the JSON schema: the keywords read here, and the rest to walk through. */
interface SchemaNode {
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  [keyword: string]: unknown;
}

interface ValueSet {
  name: string;
  values: Values;
  nullable: boolean;
  /** Where the value sits in the schema (JSON pointer without the leading '#/'). */
  schema: string;
  /** The schema's enum lists null too (default: when the value is nullable). */
  schemaNull?: boolean;
  /** Puts a value where it sits in a (cloned) export. */
  put: (exp: BrokenExport, value: unknown) => void;
}

const SETS: ValueSet[] = [
  {
    name: 'audit status',
    values: AUDIT_STATUSES,
    nullable: false,
    schema: '$defs/audit/properties/status',
    put: (e, v) => (e.audit.status = v),
  },
  {
    name: 'touchpoint scenario',
    values: TOUCHPOINT_SCENARIOS,
    nullable: true,
    schema: '$defs/audit/properties/touchpoint',
    put: (e, v) => (e.audit.touchpoint = v),
  },
  {
    name: 'mark',
    values: MARKS,
    nullable: true,
    schema: '$defs/criterionMark/properties/mark',
    put: (e, v) => (e.audit.rubric.marks.M1.mark = v),
  },
  {
    name: 'element of a finding',
    values: ELEMENT_IDS,
    nullable: true,
    schema: '$defs/elementId',
    schemaNull: false,
    put: (e, v) => (e.steps[1].findings[0].element = v),
  },
  {
    name: 'step trigger',
    values: STEP_TRIGGERS,
    nullable: false,
    schema: '$defs/step/properties/trigger',
    put: (e, v) => (e.steps[0].trigger = v),
  },
  {
    name: 'stage source',
    values: STAGE_SOURCES,
    nullable: true,
    schema: '$defs/step/properties/stageSource',
    put: (e, v) => (e.steps[0].stageSource = v),
  },
  {
    name: 'capture status',
    values: CAPTURE_STATUSES,
    nullable: false,
    schema: '$defs/step/properties/capture/properties/status',
    put: (e, v) => (e.steps[0].capture = { status: v, reason: 'why' }),
  },
  {
    name: 'emotion',
    values: EMOTION_IDS,
    nullable: false,
    schema: '$defs/emotionId',
    put: (e, v) => (e.steps[0].emotions = [{ emotion: v, intensity: 3 }]),
  },
  {
    name: 'score warning',
    values: SCORE_WARNING_KINDS,
    nullable: false,
    schema: '$defs/scores/properties/warnings/items/properties/kind',
    put: (e, v) => (e.scores.warnings = [{ kind: v }]),
  },
  {
    name: 'touchpoint of the immersion score',
    values: TOUCHPOINT_SCENARIOS,
    nullable: true,
    schema: '$defs/scores/properties/immersion/properties/touchpoint',
    put: (e, v) => (e.scores.immersion.touchpoint = v),
  },
  {
    name: 'missing overall component',
    values: OVERALL_COMPONENTS,
    nullable: false,
    schema: '$defs/scores/properties/overall/properties/missing/items',
    put: (e, v) => (e.scores.overall.missing = [v]),
  },
  {
    name: 'missing completeness item',
    values: MISSING_KINDS,
    nullable: false,
    schema: '$defs/completeness/properties/missing/items/properties/kind',
    put: (e, v) => (e.completeness.missing = [{ kind: v }]),
  },
];

const f = fixture();
const schema = JSON.parse(readFileSync('docs/audit-export.schema.json', 'utf8')) as SchemaNode;
const at = (pointer: string): SchemaNode => pointer.split('/').reduce((o, k) => o[k] as SchemaNode, schema);

function accepts(set: ValueSet, value: unknown): boolean {
  const exp = clone(f.exp);
  set.put(exp, value);
  return validateExportJson(exp).ok;
}

describe.each(SETS)('$name', (set) => {
  it('is accepted by the import for every member', () => {
    for (const value of set.values) expect(accepts(set, value), String(value)).toBe(true);
  });

  it('is refused by the import for anything else', () => {
    const others: unknown[] = ['', 'other', 0, 5, true, [], {}];
    for (const value of set.values) {
      if (typeof value === 'string') others.push(value.toUpperCase(), ` ${value}`);
      else if (typeof value === 'number') others.push(String(value));
    }
    for (const value of others) expect(accepts(set, value), JSON.stringify(value)).toBe(false);
    expect(accepts(set, null)).toBe(set.nullable);
  });

  it('is listed by the schema, in the same order', () => {
    expect(at(set.schema).enum).toEqual((set.schemaNull ?? set.nullable) ? [...set.values, null] : [...set.values]);
  });
});

describe('the schema', () => {
  it('names the same format, version and screenshot file names', () => {
    expect(at('properties/format').const).toBe(EXPORT_FORMAT);
    expect(at('properties/version').const).toBe(EXPORT_FORMAT_VERSION);
    const pattern = at('$defs/screenshot/properties/file/anyOf/0').pattern!;
    expect(new RegExp(pattern).source).toBe(SCREENSHOT_FILE_PATTERN.source);
  });
});

describe('the image type of a screenshot with pixels', () => {
  const withMime = (mime: string) => {
    const exp = clone(f.exp);
    expect(exp.screenshots[0].file).not.toBeNull();
    exp.screenshots[0].mime = mime;
    return validateExportJson(exp);
  };

  it('is accepted for every member of IMAGE_MIMES', () => {
    for (const mime of IMAGE_MIMES) expect(withMime(mime).ok, mime).toBe(true);
  });

  it('is refused for any other', () => {
    for (const mime of ['image/webp', 'image/svg+xml', 'IMAGE/PNG', 'image/jpg', '']) {
      expect(withMime(mime), mime).toMatchObject({ ok: false, error: { code: 'screenshot-bad-type' } });
    }
  });
});
