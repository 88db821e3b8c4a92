// The panel's writes, each through src/panel/actions.ts over the real store (fake-indexeddb) and a
// fake worker: what ends up stored, what the worker is asked and in which order, and that a refused
// pause stops an ending journey while it never stops a delete or a replace.
import { beforeEach, describe, expect, it } from 'vitest';
import { PeakendFailure } from '../../../src/domain/errors.ts';
import type { Audit } from '../../../src/domain/model.ts';
import { emptyDraft } from '../../../src/domain/template-draft.ts';
import { panelActions, type PanelActions } from '../../../src/panel/actions.ts';
import { ToWorker } from '../../../src/protocol.ts';
import { getAudit, getStep, listAudits, listSteps, listTemplates, openPeakendDb } from '../../../src/store/index.ts';
import { mark } from '../scores/factory.ts';
import { fixture, plan } from '../import/helpers.ts';
import { makeStep } from '../scores/factory.ts';
import type { FakeBackend } from './fake-backend.ts';
import { freshPanelTest, seed } from './harness.tsx';
import { sampleAudit } from '../fixtures.ts';

const NOW = '2026-12-05T12:00:00.000Z';
const AUDIT = 'aud_1';

let backend: FakeBackend;
let actions: PanelActions;

beforeEach(() => {
  backend = freshPanelTest({ windowId: 7 });
  actions = panelActions(backend, () => NOW);
});

const stored = async (id = AUDIT): Promise<Audit> => {
  const audit = await getAudit(await openPeakendDb(), id);
  if (!audit) throw new Error(`audit ${id} is not stored`);
  return audit;
};

async function seedAudit(over: Partial<Audit> = {}, steps = 0): Promise<Audit> {
  const audit = sampleAudit({ id: AUDIT, ...over });
  await seed(
    audit,
    Array.from({ length: steps }, (_, index) => makeStep({ id: `stp_${index}`, auditId: AUDIT, index })),
  );
  return stored();
}

describe('recording requests', () => {
  it('names the window the panel serves and the audit', async () => {
    await actions.logStep(AUDIT);
    await actions.capture(AUDIT, 'stp_0');
    await actions.resume(AUDIT);
    await actions.pause(AUDIT);
    await actions.previewMask(AUDIT, true);
    await actions.keepText({ kind: 'step-note', stepId: 'stp_0', text: 'half typed' });
    expect(backend.requests).toEqual([
      { type: ToWorker.LogStep, req: { windowId: 7, auditId: AUDIT } },
      { type: ToWorker.Capture, req: { windowId: 7, auditId: AUDIT, stepId: 'stp_0' } },
      { type: ToWorker.ResumeAudit, req: { windowId: 7, auditId: AUDIT } },
      { type: ToWorker.PauseAudit, req: { auditId: AUDIT } },
      { type: ToWorker.PreviewMask, req: { windowId: 7, auditId: AUDIT, on: true } },
      { type: ToWorker.KeepText, req: { kept: { kind: 'step-note', stepId: 'stp_0', text: 'half typed' } } },
    ]);
  });

  it('starts an audit from the form draft and answers its id', async () => {
    backend.responses[ToWorker.StartAudit] = { auditId: 'aud_new' };
    const draft = {
      site: 'Northwind',
      scenario: 'Buy a jacket',
      auditor: 'fox',
      successCriterion: '',
      templateId: 'e-commerce',
      templateVersion: 1,
    };
    expect(await actions.startAudit(draft)).toEqual({ auditId: 'aud_new' });
    expect(backend.requests).toEqual([{ type: ToWorker.StartAudit, req: { windowId: 7, draft } }]);
  });
});

describe('edits', () => {
  it('stores a step patch, stamped with the time it was asked for', async () => {
    await seedAudit({}, 2);
    await actions.editStep('stp_1', { ease: 3, note: 'slow' });
    const step = await getStep(await openPeakendDb(), 'stp_1');
    expect(step).toMatchObject({ ease: 3, note: 'slow', updatedAt: NOW });
    expect((await getStep(await openPeakendDb(), 'stp_0'))?.ease).toBeNull();
  });

  it('stores auto steps and privacy settings on the audit only', async () => {
    await seedAudit({ autoSteps: true, masking: true, maskSelectors: [] });
    await actions.setAutoSteps(AUDIT, false);
    await actions.setPrivacy(AUDIT, { masking: false, maskSelectors: ['#card'] });
    expect(await stored()).toMatchObject({
      autoSteps: false,
      masking: false,
      maskSelectors: ['#card'],
      site: 'Northwind',
      updatedAt: NOW,
    });
  });

  it('marks one criterion at a time, keeping the others', async () => {
    await seedAudit();
    await Promise.all([
      actions.markCriterion(AUDIT, 'c1', () => mark('pass')),
      actions.markCriterion(AUDIT, 'c2', () => mark('fail', 2, 'no label')),
    ]);
    await actions.markCriterion(AUDIT, 'c1', (prev) => ({ ...prev, comment: 'fine' }));
    expect((await stored()).rubric.marks).toEqual({
      c1: { ...mark('pass'), comment: 'fine' },
      c2: mark('fail', 2, 'no label'),
    });
  });

  // The failure's wording and code belong to the store (test/unit/store); here: it reaches the view.
  it('a write to an audit that is gone is refused, not swallowed, and creates nothing', async () => {
    await expect(actions.setAutoSteps('aud_gone', true)).rejects.toThrow(PeakendFailure);
    expect(await listAudits(await openPeakendDb())).toEqual([]);
  });
});

describe('end survey', () => {
  const answers = { taskCompleted: true, ces: 6, rememberedValence: 2 };

  it('ending a running audit pauses it first, then stores the survey, status and endedAt', async () => {
    const audit = await seedAudit({ status: 'running' });
    const order: string[] = [];
    backend.responses[ToWorker.PauseAudit] = () => {
      order.push('pause');
      return { auditId: AUDIT };
    };
    const next = await actions.saveSurvey(audit, answers, true);
    expect(order).toEqual(['pause']);
    expect(next).toMatchObject({ endSurvey: answers, status: 'ended', endedAt: NOW });
    expect(await stored()).toMatchObject({ endSurvey: answers, status: 'ended', endedAt: NOW, updatedAt: NOW });
  });

  it('keeps an endedAt already set, and asks no pause of a paused audit', async () => {
    const audit = await seedAudit({ status: 'paused', endedAt: '2026-12-01T09:00:00.000Z' });
    await actions.saveSurvey(audit, answers, true);
    expect(backend.requests).toEqual([]);
    expect((await stored()).endedAt).toBe('2026-12-01T09:00:00.000Z');
  });

  it('saving without ending leaves status and endedAt alone', async () => {
    const audit = await seedAudit({ status: 'running' });
    await actions.saveSurvey(audit, answers, false);
    expect(backend.requests).toEqual([]);
    expect(await stored()).toMatchObject({ endSurvey: answers, status: 'running', endedAt: null });
  });

  it('a refused pause stores nothing: the audit is still recording', async () => {
    const audit = await seedAudit({ status: 'running' });
    backend.responses[ToWorker.PauseAudit] = new Error('no-tab');
    await expect(actions.saveSurvey(audit, answers, true)).rejects.toThrow('no-tab');
    expect(await stored()).toMatchObject({ status: 'running', endSurvey: null });
  });
});

describe('library', () => {
  it('renames with the trimmed name; a blank name keeps the old one', async () => {
    const audit = await seedAudit();
    await actions.rename(audit, '  Contoso  ');
    expect((await stored()).site).toBe('Contoso');
    await actions.rename(await stored(), '   ');
    expect((await stored()).site).toBe('Contoso');
  });

  it('deletes an audit with its steps; a running one is paused first', async () => {
    const audit = await seedAudit({ status: 'running' }, 3);
    await actions.remove(audit);
    expect(backend.requests).toEqual([{ type: ToWorker.PauseAudit, req: { auditId: AUDIT } }]);
    expect(await listAudits(await openPeakendDb())).toEqual([]);
    expect(await listSteps(await openPeakendDb(), AUDIT)).toEqual([]);
  });

  it('deletes even when the worker cannot pause, and asks no pause of an audit not running', async () => {
    const running = await seedAudit({ status: 'running' });
    backend.responses[ToWorker.PauseAudit] = new Error('gone');
    await actions.remove(running);
    expect(await listAudits(await openPeakendDb())).toEqual([]);
    const ended = await seedAudit({ status: 'ended' });
    backend.requests.length = 0;
    await actions.remove(ended);
    expect(backend.requests).toEqual([]);
    expect(await listAudits(await openPeakendDb())).toEqual([]);
  });

  it('duplicates as a plan: a new audit, created now, the source untouched', async () => {
    await seedAudit({ status: 'ended' }, 2);
    const copy = await actions.duplicateAsPlan(AUDIT);
    expect(copy.id).not.toBe(AUDIT);
    expect(await stored(copy.id)).toMatchObject({ status: 'plan', site: 'Northwind', createdAt: NOW });
    expect((await stored()).status).toBe('ended');
  });

  it('imports a new audit with its steps', async () => {
    const f = fixture();
    const outcome = await actions.importPlan(await plan(f.zip));
    expect(outcome).toMatchObject({ auditId: f.audit.id, mode: 'new', steps: 3, screenshots: 3 });
    expect(await listSteps(await openPeakendDb(), f.audit.id)).toHaveLength(3);
  });

  it('keeps both under the translated copy name, and replacing a running audit pauses it first', async () => {
    const f = fixture({ site: 'Northwind' });
    const checked = await plan(f.zip);
    await actions.importPlan(checked);
    const kept = await actions.importPlan(checked, { onClash: 'keep-both', existing: await stored(f.audit.id) });
    expect(kept.mode).toBe('kept-both');
    expect((await stored(kept.auditId)).site).toBe('Northwind (imported)');
    expect(backend.requests).toEqual([]);

    const db = await openPeakendDb();
    await db.put('audits', { ...(await stored(f.audit.id)), status: 'running', site: 'Edited' });
    const existing = await stored(f.audit.id);
    const replaced = await actions.importPlan(checked, { onClash: 'replace', existing });
    expect(replaced.mode).toBe('replaced');
    expect(backend.requests).toEqual([{ type: ToWorker.PauseAudit, req: { auditId: f.audit.id } }]);
    expect((await stored(f.audit.id)).site).toBe('Northwind');
  });

  it('a clash without a choice is refused and writes nothing', async () => {
    const f = fixture();
    const checked = await plan(f.zip);
    await actions.importPlan(checked);
    await (await openPeakendDb()).put('audits', { ...(await stored(f.audit.id)), site: 'Edited' });
    await expect(actions.importPlan(checked)).rejects.toThrow(PeakendFailure);
    expect(await listAudits(await openPeakendDb())).toHaveLength(1);
    expect((await stored(f.audit.id)).site).toBe('Edited');
  });

  it('saves a template draft as version 1 of a user template', async () => {
    const draft = { ...emptyDraft(), name: 'Quote request' };
    draft.stages = [{ id: null, name: 'Form', url: ['/quote'], text: [] }];
    const saved = await actions.saveTemplate(draft);
    expect(saved).toMatchObject({ name: 'Quote request', version: 1 });
    const entries = await listTemplates(await openPeakendDb());
    expect(entries.find((e) => e.template.id === saved.id)?.source).toBe('user');
  });
});

describe('programme', () => {
  it('puts an audit in a programme by name, joining a stored programme of that name, and takes it out', async () => {
    const audit = await seedAudit();
    await seed(sampleAudit({ id: 'aud_team', programme: { id: 'team:7', name: 'Mystery Q4', wave: 'Wave 1' } }), []);
    const joined = await actions.setProgramme(audit, '  mystery  q4', 'Wave 2 ');
    expect(joined.programme).toEqual({ id: 'team:7', name: 'Mystery Q4', wave: 'Wave 2' });
    expect((await stored()).programme).toEqual(joined.programme);
    expect((await stored()).updatedAt).toBe(NOW);
    const own = await actions.setProgramme(audit, 'Spring check', '');
    expect(own.programme).toEqual({ id: 'local:spring check', name: 'Spring check', wave: '' });
    await actions.setProgramme(audit, ' ', 'Wave 3');
    expect((await stored()).programme).toBeUndefined();
    expect((await stored('aud_team')).programme?.wave).toBe('Wave 1');
  });
});
