// The reviewer workflow's transitions (src/domain/review.ts): who may take each, from which state,
// and the log each returns, never edited in place.
import { describe, expect, it } from 'vitest';
import type { ReviewLog } from '../../../src/domain/programme.ts';
import { logProblem, review, type ReviewSubject } from '../../../src/domain/review.ts';

const programme = { id: 'prg_1', name: 'Retail Q4', wave: 'Wave 2' };
const ana = { name: 'ana', role: 'auditor' } as const;
const rex = { name: 'rex', role: 'reviewer' } as const;
const T0 = '2026-12-01T10:00:00.000Z';
const T1 = '2026-12-01T11:00:00.000Z';
const T2 = '2026-12-01T12:00:00.000Z';
const T3 = '2026-12-01T13:00:00.000Z';

const ended = (review: ReviewLog = [], updatedAt = T0): ReviewSubject => ({
  programme,
  status: 'ended',
  review,
  updatedAt,
});

function ok(subject: ReviewSubject, ...args: Parameters<typeof review>[1][]): ReviewLog {
  let log = subject.review ?? [];
  for (const request of args) {
    const outcome = review({ ...subject, review: log }, request);
    if (!outcome.ok) throw new Error(outcome.error.code);
    log = outcome.log;
  }
  return log;
}

const submitted: ReviewLog = [{ state: 'submitted', by: 'ana', at: T1, comment: '' }];
const returned: ReviewLog = [...submitted, { state: 'returned', by: 'rex', at: T2, comment: 'F1 has no evidence' }];
const accepted: ReviewLog = [...submitted, { state: 'accepted', by: 'rex', at: T2, comment: '' }];

describe('the workflow', () => {
  it('submit, return with a comment, resubmit after a change, accept: four events in order', () => {
    const afterReturn = ok(
      ended(),
      { action: 'submit', who: ana, at: T1 },
      { action: 'return', who: rex, at: T2, comment: '  F1 has no evidence ' },
    );
    const log = ok(
      ended(afterReturn, T3),
      { action: 'submit', who: ana, at: T3 },
      { action: 'accept', who: rex, at: '2026-12-01T14:00:00.000Z' },
    );
    expect(log).toEqual([
      { state: 'submitted', by: 'ana', at: T1, comment: '' },
      { state: 'returned', by: 'rex', at: T2, comment: 'F1 has no evidence' },
      { state: 'submitted', by: 'ana', at: T3, comment: '' },
      { state: 'accepted', by: 'rex', at: '2026-12-01T14:00:00.000Z', comment: '' },
    ]);
  });

  it('returns a new log and leaves the one it was given as it was', () => {
    const log = [...submitted];
    const outcome = review(ended(log), { action: 'accept', who: rex, at: T2 });
    expect(outcome.ok && outcome.log).toHaveLength(2);
    expect(log).toEqual(submitted);
  });

  it('a reviewer reopens an accepted audit with a comment: it is returned to its auditor', () => {
    const outcome = review(ended(accepted), { action: 'reopen', who: rex, at: T3, comment: 'Wrong wave' });
    expect(outcome).toEqual({
      ok: true,
      log: [...accepted, { state: 'returned', by: 'rex', at: T3, comment: 'Wrong wave' }],
    });
  });

  it('never stamps an event before the one it follows (a clock behind another machine’s)', () => {
    const outcome = review(ended(submitted), { action: 'accept', who: rex, at: T0 });
    expect(outcome.ok && outcome.log.at(-1)?.at).toBe(T1);
  });
});

describe('refusals, each a code', () => {
  it.each([
    [
      'an audit outside a programme',
      { ...ended(), programme: undefined },
      { action: 'submit', who: ana, at: T1 },
      'review-no-programme',
    ],
    [
      'no name in programmes',
      ended(),
      { action: 'submit', who: { name: '  ', role: 'auditor' }, at: T1 },
      'review-no-name',
    ],
    [
      'a reviewer submitting',
      ended(),
      { action: 'submit', who: { name: 'ana', role: 'reviewer' }, at: T1 },
      'review-needs-auditor',
    ],
    [
      'an auditor accepting',
      ended(submitted),
      { action: 'accept', who: { name: 'bo', role: 'auditor' }, at: T2 },
      'review-needs-reviewer',
    ],
    [
      'submitting a running audit',
      { ...ended(), status: 'running' },
      { action: 'submit', who: ana, at: T1 },
      'review-not-ended',
    ],
    ['submitting twice', ended(submitted), { action: 'submit', who: ana, at: T2 }, 'review-already-submitted'],
    [
      'submitting an accepted audit',
      ended(accepted, T3),
      { action: 'submit', who: ana, at: T3 },
      'review-already-accepted',
    ],
    ['accepting an accepted audit', ended(accepted), { action: 'accept', who: rex, at: T3 }, 'review-already-accepted'],
    ['accepting an unsubmitted audit', ended(), { action: 'accept', who: rex, at: T1 }, 'review-not-submitted'],
    ['accepting a returned audit', ended(returned), { action: 'accept', who: rex, at: T3 }, 'review-not-submitted'],
    [
      'reopening a submitted audit',
      ended(submitted),
      { action: 'reopen', who: rex, at: T2, comment: 'x' },
      'review-not-accepted',
    ],
    [
      'accepting one’s own audit',
      ended(submitted),
      { action: 'accept', who: { name: 'ana', role: 'reviewer' }, at: T2 },
      'review-own-audit',
    ],
    [
      'returning without a comment',
      ended(submitted),
      { action: 'return', who: rex, at: T2, comment: ' \n ' },
      'review-comment-required',
    ],
    ['reopening without a comment', ended(accepted), { action: 'reopen', who: rex, at: T3 }, 'review-comment-required'],
    [
      'resubmitting with no change since the return',
      ended(returned, T2),
      { action: 'submit', who: ana, at: T3 },
      'review-no-changes',
    ],
  ] as const)('%s', (_name, subject, request, code) => {
    const outcome = review(subject, request);
    expect(outcome.ok ? null : outcome.error.code).toBe(code);
  });

  it('someone else resubmitting a returned audit is told whose it is', () => {
    const outcome = review(ended(returned, T3), { action: 'submit', who: { name: 'bo', role: 'auditor' }, at: T3 });
    expect(outcome).toEqual({ ok: false, error: { code: 'review-not-submitter', submitter: 'ana' } });
  });

  it('a comment over 4,000 characters', () => {
    const outcome = review(ended(submitted), { action: 'return', who: rex, at: T2, comment: 'x'.repeat(4001) });
    expect(outcome).toEqual({ ok: false, error: { code: 'review-comment-too-long', limit: 4000 } });
    expect(review(ended(submitted), { action: 'return', who: rex, at: T2, comment: 'x'.repeat(4000) }).ok).toBe(true);
  });
});

describe('logProblem: a log written elsewhere', () => {
  it('accepts every log the transitions make', () => {
    expect(logProblem([])).toBeNull();
    expect(logProblem(returned)).toBeNull();
    expect(logProblem([...accepted, { state: 'returned', by: 'rex', at: T3, comment: 'reopened' }])).toBeNull();
  });

  it.each([
    ['starting accepted', [{ state: 'accepted', by: 'rex', at: T1, comment: '' }], { index: 0, field: 'state' }],
    [
      'submitted twice',
      [...submitted, { state: 'submitted', by: 'ana', at: T2, comment: '' }],
      { index: 1, field: 'state' },
    ],
    [
      'returned without a comment',
      [...submitted, { state: 'returned', by: 'rex', at: T2, comment: ' ' }],
      { index: 1, field: 'comment' },
    ],
    ['a blank name', [{ state: 'submitted', by: ' ', at: T1, comment: '' }], { index: 0, field: 'by' }],
    [
      'time going back',
      [...submitted, { state: 'accepted', by: 'rex', at: T0, comment: '' }],
      { index: 1, field: 'at' },
    ],
  ] as const)('%s', (_name, log, where) => {
    expect(logProblem([...log])).toMatchObject(where);
  });
});
