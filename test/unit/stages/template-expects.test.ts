// A template stage's expected touchpoints (TemplateStage.expects) as the template editor sets them:
// checked in the draft, kept through a save, and read back only as known channels.
import { beforeEach, describe, expect, it } from 'vitest';
import { ECOMMERCE_TEMPLATE } from '../../../src/domain/templates.ts';
import {
  checkDraft,
  cleanExpects,
  draftOf,
  getTemplateVersion,
  openPeakendDb,
  resetDbCache,
  saveTemplate,
  stagesOf,
  type TemplateDraft,
} from '../../../src/store/index.ts';
import type { Channel } from '../../../src/domain/touchpoints.ts';

beforeEach(() => resetDbCache());

const T1 = '2026-11-23T10:00:00.000Z';

const draft = (expects?: unknown[]): TemplateDraft => ({
  id: null,
  name: 'Furniture order',
  basedOn: null,
  stages: [
    { id: null, name: 'Checkout', url: ['checkout'], text: [] },
    { id: null, name: 'Delivery day', url: [], text: [], ...(expects ? { expects: expects as Channel[] } : {}) },
  ],
});

describe('expected touchpoints in a template draft', () => {
  it('keeps known channels once each, in the channels’ order; none is no field at all', () => {
    expect(cleanExpects(['delivery', 'phone', 'delivery'])).toEqual(['phone', 'delivery']);
    const stages = stagesOf(draft(['delivery', 'phone']));
    expect(stages[1]?.expects).toEqual(['phone', 'delivery']);
    expect('expects' in (stages[0] ?? {})).toBe(false);
    expect('expects' in (stagesOf(draft([]))[1] ?? {})).toBe(false);
  });

  it('refuses a channel Peakend does not know, naming the stage', () => {
    expect(checkDraft(draft(['pigeon']))).toEqual({ code: 'unknown-channel', stage: 2 });
    expect(checkDraft(draft(['delivery']))).toBeNull();
  });

  it('a copy of the e-commerce template keeps post-purchase expecting a delivery', () => {
    const copy = draftOf(ECOMMERCE_TEMPLATE, { copy: true });
    expect(copy.stages.find((s) => s.id === 'post-purchase')?.expects).toEqual(['delivery']);
    expect(copy.stages.find((s) => s.id === 'cart')?.expects).toEqual([]);
  });

  it('is saved with the template and read back; a damaged record shows only known channels', async () => {
    const db = await openPeakendDb();
    const saved = await saveTemplate(db, draft(['delivery']), T1);
    const read = await getTemplateVersion(db, saved.id, 1);
    expect(read?.stages[1]?.expects).toEqual(['delivery']);
    const record = (await db.get('templates', [saved.id, 1]))!;
    await db.put('templates', {
      ...record,
      version: 2,
      stages: record.stages.map((s) => ({ ...s, expects: ['pigeon', 'chat'] as Channel[] })),
    });
    const damaged = await getTemplateVersion(db, saved.id, 2);
    expect(damaged?.stages.map((s) => s.expects)).toEqual([['chat'], ['chat']]);
  });
});
