// validateExportJson: format and version first, then fields, enums, ids, caps and references.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, validateExportJson, type ImportProblem } from '../../../src/domain/import/index.ts';
import { clone, fixture, HOSTILE, type BrokenExport } from './helpers.ts';

const f = fixture();

function problem(mutate: (exp: BrokenExport) => void, limits = DEFAULT_LIMITS): ImportProblem | null {
  const exp = clone(f.exp);
  mutate(exp);
  const result = validateExportJson(exp, limits);
  return result.ok ? null : result.error;
}

describe('format and version', () => {
  it('accepts the colleague’s export as it is', () => {
    expect(problem(() => undefined)).toBeNull();
  });

  it('says a newer version was made by a newer Peakend', () => {
    expect(problem((e) => (e.version = 4))).toEqual({ code: 'newer-version', version: 4, supported: 3 });
  });

  it('refuses other versions and other formats', () => {
    expect(problem((e) => (e.version = 0))).toMatchObject({ code: 'unsupported-version', version: '0' });
    expect(problem((e) => (e.version = '1'))).toMatchObject({ code: 'unsupported-version', version: '"1"' });
    expect(problem((e) => delete e.version)).toMatchObject({ code: 'unsupported-version' });
    expect(problem((e) => (e.format = 'other-tool'))).toEqual({ code: 'wrong-format' });
    expect(validateExportJson([1, 2]).ok).toBe(false);
    expect(validateExportJson(null)).toEqual({ ok: false, error: { code: 'wrong-format' } });
  });
});

describe('fields', () => {
  it.each([
    ['ease 8', (e: BrokenExport) => (e.steps[0].ease = 8), 'steps[0].ease'],
    ['ease 0', (e: BrokenExport) => (e.steps[0].ease = 0), 'steps[0].ease'],
    ['ease 2.5', (e: BrokenExport) => (e.steps[0].ease = 2.5), 'steps[0].ease'],
    ['valence 5', (e: BrokenExport) => (e.steps[1].valence = 5), 'steps[1].valence'],
    ['valence -5', (e: BrokenExport) => (e.steps[1].valence = -5), 'steps[1].valence'],
    ['arousal 10', (e: BrokenExport) => (e.steps[1].arousal = 10), 'steps[1].arousal'],
    [
      'unknown emotion',
      (e: BrokenExport) => (e.steps[0].emotions[0].emotion = 'angry'),
      'steps[0].emotions[0].emotion',
    ],
    ['intensity 6', (e: BrokenExport) => (e.steps[0].emotions[0].intensity = 6), 'steps[0].emotions[0].intensity'],
    [
      'four emotions',
      (e: BrokenExport) => (e.steps[1].emotions = Array(4).fill({ emotion: 'happy', intensity: 1 })),
      'steps[1].emotions',
    ],
    ['severity 5', (e: BrokenExport) => (e.steps[1].findings[0].severity = 5), 'steps[1].findings[0].severity'],
    [
      'unknown element',
      (e: BrokenExport) => (e.steps[1].findings[0].element = 'magic'),
      'steps[1].findings[0].element',
    ],
    ['unknown mark', (e: BrokenExport) => (e.audit.rubric.marks.M1.mark = 'good'), 'audit.rubric.marks.M1.mark'],
    ['unknown status', (e: BrokenExport) => (e.audit.status = 'lost'), 'audit.status'],
    ['touchpoint 5', (e: BrokenExport) => (e.audit.touchpoint = 5), 'audit.touchpoint'],
    ['CES 8', (e: BrokenExport) => (e.audit.endSurvey.ces = 8), 'audit.endSurvey.ces'],
    ['jpegQuality 101', (e: BrokenExport) => (e.audit.jpegQuality = 101), 'audit.jpegQuality'],
    ['a number as text', (e: BrokenExport) => (e.audit.stepCount = '3'), 'audit.stepCount'],
    ['a site that is a number', (e: BrokenExport) => (e.audit.site = 12), 'audit.site'],
    ['a note that is an object', (e: BrokenExport) => (e.steps[0].note = { html: '<b>' }), 'steps[0].note'],
    [
      'a date that does not exist',
      (e: BrokenExport) => (e.steps[0].startedAt = '2026-02-31T25:00:00Z'),
      'steps[0].startedAt',
    ],
    ['a date without time', (e: BrokenExport) => (e.audit.createdAt = '2026-11-23'), 'audit.createdAt'],
    [
      'a hash in capitals',
      (e: BrokenExport) => (e.screenshots[0].sha256 = e.screenshots[0].sha256.toUpperCase()),
      'screenshots[0].sha256',
    ],
    [
      'a file outside screenshots/',
      (e: BrokenExport) => (e.screenshots[0].file = '../evil.jpg'),
      'screenshots[0].file',
    ],
    ['a missing required field', (e: BrokenExport) => delete e.steps[2].findings, 'steps[2].findings'],
    ['a null list', (e: BrokenExport) => (e.steps = null), 'steps'],
    ['trigger unknown', (e: BrokenExport) => (e.steps[0].trigger = 'telepathy'), 'steps[0].trigger'],
  ])('refuses %s, naming the field', (_name, mutate, path) => {
    expect(problem(mutate)).toMatchObject({ code: 'invalid-field', path });
  });

  it('refuses unknown top-level fields (the schema closes the root)', () => {
    expect(problem((e) => (e.payload = 1))).toEqual({ code: 'unknown-field', path: 'payload' });
  });

  it("keeps a finding's recommendation, accepts a finding without one, and refuses one that is not text", () => {
    const result = validateExportJson(clone(f.exp));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const findings = result.value.steps.flatMap((s) => s.findings);
    expect(findings.find((x) => x.id === 'fnd_1')?.recommendation).toBe('Accept the card number with spaces');
    expect(findings.find((x) => x.id === 'fnd_2')).toBeDefined();
    expect('recommendation' in findings.find((x) => x.id === 'fnd_2')!).toBe(false);
    const at = f.exp.steps.findIndex((s: { findings: Array<{ id: string }> }) =>
      s.findings.some((x) => x.id === 'fnd_1'),
    );
    expect(
      problem((exp) => {
        exp.steps[at].findings[0].recommendation = 42;
      }),
    ).toMatchObject({ path: `steps[${at}].findings[0].recommendation` });
  });

  it('drops unknown fields inside audit, steps and screenshots instead of storing them', () => {
    const exp = clone(f.exp);
    exp.audit.injected = '<script>';
    exp.steps[0].extra = { deep: true };
    exp.screenshots[0].html = '<img>';
    const result = validateExportJson(exp);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect('injected' in result.value.audit).toBe(false);
    expect('extra' in result.value.steps[0]!).toBe(false);
    expect('html' in result.value.screenshots[0]!).toBe(false);
  });

  it("keeps an audit's language (its report's default), and takes an audit without one", () => {
    const exp = clone(f.exp);
    exp.audit.language = 'pl';
    const kept = validateExportJson(exp);
    expect(kept.ok && kept.value.audit.language).toBe('pl');
    delete exp.audit.language;
    const older = validateExportJson(exp);
    expect(older.ok && 'language' in older.value.audit).toBe(false);
    exp.audit.language = 7;
    expect(validateExportJson(exp).ok).toBe(false);
  });

  it("keeps a capture record's frames: those it went ahead without and those that stopped it", () => {
    const exp = clone(f.exp);
    const skippedFrames = [
      { url: 'https://ads.test/banner', reason: 'not-loaded' },
      { url: 'https://ads.test/below', reason: 'offscreen' },
    ];
    exp.steps[0].capture = { status: 'ok', skippedFrames };
    exp.steps[1].capture = { status: 'failed', reason: 'frame-silent', frames: ['https://pay.test/card'] };
    const result = validateExportJson(exp);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.steps[0]!.capture).toEqual({ status: 'ok', skippedFrames });
    expect(result.value.steps[1]!.capture).toEqual({
      status: 'failed',
      reason: 'frame-silent',
      frames: ['https://pay.test/card'],
    });
    expect(
      problem((e) => (e.steps[0].capture = { status: 'ok', skippedFrames: [{ url: 'x', reason: 'bored' }] })),
    ).toMatchObject({ path: 'steps[0].capture.skippedFrames[0].reason' });
  });

  it('accepts hostile strings in every text field and keeps them literally', () => {
    const exp = clone(f.exp);
    for (const key of ['site', 'scenario', 'successCriterion', 'auditor', 'startUrl', 'browser', 'locale', 'device'])
      exp.audit[key] = HOSTILE;
    exp.steps[0].title = HOSTILE;
    exp.steps[0].note = HOSTILE;
    exp.steps[0].url = HOSTILE;
    exp.steps[1].findings[1].title = HOSTILE;
    const result = validateExportJson(exp);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.audit.site).toBe(HOSTILE);
    expect(result.value.audit.browser).toBe(HOSTILE);
    expect(result.value.steps[0]!.note).toBe(HOSTILE);
    expect(result.value.steps[1]!.findings[1]!.title).toBe(HOSTILE);
  });
});

describe('caps', () => {
  it('a text longer than 100,000 characters', () => {
    expect(problem((e) => (e.steps[0].note = 'x'.repeat(100_001)))).toEqual({
      code: 'too-long',
      path: 'steps[0].note',
      limit: 100_000,
    });
    expect(problem((e) => (e.steps[0].note = 'x'.repeat(100_000)))).toBeNull();
  });

  it('more than 5,000 steps', () => {
    const p = problem((e) => {
      const base = e.steps[0];
      e.steps = Array.from({ length: 5_001 }, (_, i) => ({ ...base, id: `stp_${i}`, index: i }));
      e.screenshots = [];
      for (const m of Object.values<BrokenExport>(e.audit.rubric.marks)) m.evidence = null;
    });
    expect(p).toEqual({ code: 'too-many', path: 'steps', limit: 5_000 });
  });

  it('too many findings on a step', () => {
    expect(problem(() => undefined, { ...DEFAULT_LIMITS, maxFindingsPerStep: 1 })).toEqual({
      code: 'too-many',
      path: 'steps[1].findings',
      limit: 1,
    });
  });

  it('too many rubric marks', () => {
    expect(problem(() => undefined, { ...DEFAULT_LIMITS, maxMarks: 5 })).toEqual({
      code: 'too-many',
      path: 'audit.rubric.marks',
      limit: 5,
    });
  });
});

describe('ids and references', () => {
  it('refuses ids that are not plain tokens', () => {
    expect(problem((e) => (e.audit.id = 'aud "x"'))).toEqual({ code: 'bad-id', path: 'audit.id' });
    expect(problem((e) => (e.audit.id = ''))).toEqual({ code: 'bad-id', path: 'audit.id' });
    expect(problem((e) => (e.audit.id = `a${'x'.repeat(128)}`))).toEqual({
      code: 'too-long',
      path: 'audit.id',
      limit: 128,
    });
  });

  it('refuses criterion keys that could reach a prototype', () => {
    const exp = JSON.parse(JSON.stringify(f.exp).replace('"M1":', '"__proto__":'));
    const result = validateExportJson(exp);
    expect(result.ok ? null : result.error).toMatchObject({ code: 'bad-id' });
    expect(({} as Record<string, unknown>).mark).toBeUndefined();
  });

  it.each([
    ['a step of another audit', (e: BrokenExport) => (e.steps[1].auditId = 'aud_other'), 'steps[1].auditId'],
    [
      'a screenshot of another audit',
      (e: BrokenExport) => (e.screenshots[0].auditId = 'aud_other'),
      'screenshots[0].auditId',
    ],
    [
      'a screenshot of a step not in the file',
      (e: BrokenExport) => (e.screenshots[0].stepId = 'stp_gone'),
      'screenshots[0].stepId',
    ],
    [
      'a finding pointing at a missing screenshot',
      (e: BrokenExport) => (e.steps[1].findings[0].evidence.shotId = 'sht_gone'),
      'steps[1].findings[0].evidence.shotId',
    ],
    [
      'criterion evidence on a missing step',
      (e: BrokenExport) => (e.audit.rubric.marks.F1.evidence.stepId = 'stp_gone'),
      'audit.rubric.marks.F1.evidence.stepId',
    ],
    [
      'criterion evidence on a missing screenshot',
      (e: BrokenExport) => (e.audit.rubric.marks.F1.evidence.shotId = 'sht_gone'),
      'audit.rubric.marks.F1.evidence.shotId',
    ],
  ])('refuses %s', (_name, mutate, path) => {
    expect(problem(mutate)).toMatchObject({ code: 'broken-reference', path });
  });

  it.each([
    ['two steps with one id', (e: BrokenExport) => (e.steps[1].id = e.steps[0].id), 'steps[1].id'],
    ['two steps at one index', (e: BrokenExport) => (e.steps[1].index = 0), 'steps[1].index'],
    [
      'two screenshots with one id',
      (e: BrokenExport) => (e.screenshots[1].id = e.screenshots[0].id),
      'screenshots[1].id',
    ],
    [
      'two findings with one id',
      (e: BrokenExport) => (e.steps[1].findings[1].id = e.steps[1].findings[0].id),
      'steps[1].findings[1].id',
    ],
  ])('refuses %s', (_name, mutate, path) => {
    expect(problem(mutate)).toMatchObject({ code: 'duplicate-id', path });
  });
});

describe('criterion weights', () => {
  it.each([0, 4, 1.5, -1, 100])('refuses the weight %s, naming the criterion, instead of clamping it', (weight) => {
    expect(problem((e) => (e.audit.rubric.marks.M1.weight = weight))).toEqual({
      code: 'weight-out-of-range',
      criterionId: 'M1',
      weight: String(weight),
    });
  });

  it.each([1, 2, 3])('accepts the weight %s', (weight) => {
    expect(problem((e) => (e.audit.rubric.marks.M1.weight = weight))).toBeNull();
  });
});

describe('a programme audit and its review', () => {
  const programme = { id: 'prg_retail', name: 'Retail Q4', wave: 'Wave 2' };
  const submitted = { state: 'submitted', by: 'ana', at: '2026-12-01T11:00:00.000Z', comment: '' };
  const returned = { state: 'returned', by: 'rex', at: '2026-12-01T12:00:00.000Z', comment: 'F1 lacks evidence' };
  const shared = (e: BrokenExport) => {
    e.audit.programme = { ...programme };
    e.audit.review = [{ ...submitted }, { ...returned }];
  };

  it('keeps the programme and the review log as they came', () => {
    const exp = clone(f.exp);
    shared(exp);
    const result = validateExportJson(exp);
    expect(result.ok && result.value.audit.programme).toEqual(programme);
    expect(result.ok && result.value.audit.review).toEqual([submitted, returned]);
  });

  it.each([
    [
      'a programme without a wave',
      (e: BrokenExport) => delete e.audit.programme.wave,
      'invalid-field',
      'audit.programme.wave',
    ],
    [
      'a programme id that is no token',
      (e: BrokenExport) => (e.audit.programme.id = '<x>'),
      'bad-id',
      'audit.programme.id',
    ],
    [
      'a programme name of 201 characters',
      (e: BrokenExport) => (e.audit.programme.name = 'n'.repeat(201)),
      'too-long',
      'audit.programme.name',
    ],
    [
      'an unknown programme field',
      (e: BrokenExport) => (e.audit.programme.owner = 'x'),
      'unknown-field',
      'audit.programme.owner',
    ],
    ['a review that is no list', (e: BrokenExport) => (e.audit.review = {}), 'invalid-field', 'audit.review'],
    [
      'an unknown state',
      (e: BrokenExport) => (e.audit.review[1].state = 'rejected'),
      'invalid-field',
      'audit.review[1].state',
    ],
    [
      'a time that is no ISO time',
      (e: BrokenExport) => (e.audit.review[0].at = 'yesterday'),
      'invalid-field',
      'audit.review[0].at',
    ],
    ['a blank reviewer', (e: BrokenExport) => (e.audit.review[1].by = '  '), 'invalid-field', 'audit.review[1].by'],
    [
      'a name of 201 characters',
      (e: BrokenExport) => (e.audit.review[1].by = 'r'.repeat(201)),
      'too-long',
      'audit.review[1].by',
    ],
    [
      'a comment of 4,001 characters',
      (e: BrokenExport) => (e.audit.review[1].comment = 'c'.repeat(4001)),
      'too-long',
      'audit.review[1].comment',
    ],
    [
      'an event without a comment field',
      (e: BrokenExport) => delete e.audit.review[0].comment,
      'invalid-field',
      'audit.review[0].comment',
    ],
    [
      'an unknown event field',
      (e: BrokenExport) => (e.audit.review[0].role = 'auditor'),
      'unknown-field',
      'audit.review[0].role',
    ],
    [
      'times out of order',
      (e: BrokenExport) => (e.audit.review[1].at = '2026-12-01T10:59:59.000Z'),
      'invalid-field',
      'audit.review[1].at',
    ],
    [
      'a return without a comment',
      (e: BrokenExport) => (e.audit.review[1].comment = ''),
      'invalid-field',
      'audit.review[1].comment',
    ],
    [
      'a log that starts accepted',
      (e: BrokenExport) => (e.audit.review[0].state = 'accepted'),
      'invalid-field',
      'audit.review[0].state',
    ],
    ['a review without a programme', (e: BrokenExport) => delete e.audit.programme, 'invalid-field', 'audit.review'],
    ['501 events', (e: BrokenExport) => (e.audit.review = Array(501).fill(submitted)), 'too-many', 'audit.review'],
  ])('refuses %s, naming the field', (_name, mutate, code, path) => {
    expect(
      problem((e) => {
        shared(e);
        mutate(e);
      }),
    ).toMatchObject({ code, path });
  });
});
