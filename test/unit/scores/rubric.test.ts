import { describe, expect, it } from 'vitest';
import { ELEMENT_IDS } from '../../../src/domain/model.ts';
import { RUBRIC_V1, criteriaOf, emptyRubricMarks, rubricById } from '../../../src/domain/rubric.ts';

describe('default rubric v1', () => {
  it('has exactly the METHOD.md criteria, in order', () => {
    expect(RUBRIC_V1.version).toBe('v1');
    expect(RUBRIC_V1.criteria.map((c) => c.id)).toEqual([
      'M1',
      'M2',
      'M3',
      'M4',
      'M5',
      'I1',
      'I2',
      'I3',
      'I4',
      'I5',
      'I6',
      'P1',
      'P2',
      'P3',
      'P4',
      'P5',
      'F1',
      'F2',
      'F3',
      'F4',
      'F5',
      'F6',
      'F7',
      'S1',
      'S2',
      'S3',
      'S4',
      'S5',
    ]);
  });

  it('assigns each letter to its element', () => {
    const letter = {
      M: 'multisensory',
      I: 'interactive',
      P: 'participative',
      F: 'frictionless',
      S: 'storytelling',
    } as const;
    for (const c of RUBRIC_V1.criteria) expect(c.element).toBe(letter[c.id[0] as keyof typeof letter]);
    expect(ELEMENT_IDS.map((e) => criteriaOf(RUBRIC_V1, e).length)).toEqual([5, 6, 5, 7, 5]);
  });

  it('marks F1 and F2 critical and nothing else', () => {
    expect(RUBRIC_V1.criteria.filter((c) => c.critical).map((c) => c.id)).toEqual(['F1', 'F2']);
  });

  it('flags I1, I3, I5, I6, F3, F4, F5, F7 as (A) auto-suggestable (I1, I6, F7 from channel probes)', () => {
    expect(RUBRIC_V1.criteria.filter((c) => c.auto).map((c) => c.id)).toEqual([
      'I1',
      'I3',
      'I5',
      'I6',
      'F3',
      'F4',
      'F5',
      'F7',
    ]);
  });

  it('has an i18n key and English text per criterion', () => {
    const f1 = RUBRIC_V1.criteria.find((c) => c.id === 'F1');
    expect(f1?.textKey).toBe('criterion_F1');
    expect(f1?.text).toMatch(/guest checkout, no forced account/i);
    for (const c of RUBRIC_V1.criteria) {
      expect(c.textKey).toBe(`criterion_${c.id}`);
      expect(c.text.length).toBeGreaterThan(10);
    }
  });

  it('emptyRubricMarks leaves every criterion unmarked with weight 1', () => {
    const marks = emptyRubricMarks(RUBRIC_V1);
    expect(marks.rubricVersion).toBe('v1');
    expect(Object.keys(marks.marks)).toHaveLength(28);
    expect(marks.marks.S5).toEqual({ mark: null, weight: 1, evidence: null, comment: '' });
    // fresh objects, so editing one audit's marks cannot leak into another's
    expect(emptyRubricMarks().marks.M1).not.toBe(marks.marks.M1);
  });

  it('rubricById finds v1 and nothing else', () => {
    expect(rubricById('v1')).toBe(RUBRIC_V1);
    expect(rubricById('v9')).toBeNull();
  });
});
