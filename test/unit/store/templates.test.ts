// Journey templates: built-ins are read-only data; a user edits a copy or makes a new template;
// every save is a new version and old versions stay, so audits resolve the template they used.
import { beforeEach, describe, expect, it } from 'vitest';
import { suggestStage } from '../../../src/domain/stage-suggest.ts';
import { BOOKING_TEMPLATE, ECOMMERCE_TEMPLATE, TEMPLATES } from '../../../src/domain/templates.ts';
import {
  checkDraft,
  cleanCues,
  draftOf,
  emptyDraft,
  getTemplateVersion,
  listTemplates,
  listTemplateVersions,
  openPeakendDb,
  resetDbCache,
  resolveTemplate,
  saveTemplate,
  stagesOf,
  type TemplateDraft,
} from '../../../src/store/index.ts';

beforeEach(() => resetDbCache());

const T1 = '2026-11-23T10:00:00.000Z';
const T2 = '2026-11-24T10:00:00.000Z';

const draft = (over: Partial<TemplateDraft> = {}): TemplateDraft => ({
  id: null,
  name: 'Quote request',
  basedOn: null,
  stages: [
    { id: null, name: 'Landing', url: ['/'], text: ['welcome'] },
    { id: null, name: 'Quote form', url: ['quote', ' quote ', ''], text: ['get a quote', '!quote requested'] },
  ],
  ...over,
});

describe('built-in templates', () => {
  it('lists the four built-ins first, e-commerce (the default) among them, each with its stages and cues', async () => {
    const db = await openPeakendDb();
    const list = await listTemplates(db);
    expect(list.map((e) => e.template.id)).toEqual(['e-commerce', 'sign-up', 'booking', 'support-contact']);
    expect(list.every((e) => e.source === 'builtin')).toBe(true);
    expect(list[0]!.template).toBe(ECOMMERCE_TEMPLATE);
    expect(
      list.every(
        (e) =>
          e.template.stages.length > 0 && e.template.stages.every((s) => s.cues.url.length + s.cues.text.length > 0),
      ),
    ).toBe(true);
  });

  it('cannot be saved in place: edit a copy', async () => {
    const db = await openPeakendDb();
    await expect(
      saveTemplate(db, { ...draftOf(BOOKING_TEMPLATE, { copy: false }), id: 'booking' }, T1),
    ).rejects.toMatchObject({ error: { code: 'template-builtin' } });
    // draftOf always copies a built-in.
    expect(draftOf(BOOKING_TEMPLATE, { copy: false })).toMatchObject({
      id: null,
      basedOn: { id: 'booking', version: 1 },
    });
  });
});

describe('user templates', () => {
  it('saves a new template as version 1 with stage ids made from the names and cues cleaned', async () => {
    const db = await openPeakendDb();
    const saved = await saveTemplate(db, draft(), T1);
    expect(saved.id).toMatch(/^tpl_/);
    expect(saved.version).toBe(1);
    expect(saved.stages).toEqual([
      { id: 'landing', nameKey: '', name: 'Landing', cues: { url: ['/'], text: ['welcome'] } },
      {
        id: 'quote-form',
        nameKey: '',
        name: 'Quote form',
        cues: { url: ['quote'], text: ['get a quote', '!quote requested'] },
      },
    ]);
    const list = await listTemplates(db);
    expect(list.at(-1)).toMatchObject({ source: 'user', versions: 1, template: saved });
  });

  it('an edit adds version 2 and keeps version 1 for the audits that used it', async () => {
    const db = await openPeakendDb();
    const v1 = await saveTemplate(db, draft(), T1);
    const edit = draftOf(v1, { copy: false });
    expect(edit.id).toBe(v1.id);
    edit.stages[1]!.text = ['request a quote'];
    edit.stages.push({ id: null, name: 'Thank you', url: ['thanks'], text: [] });
    const v2 = await saveTemplate(db, edit, T2);
    expect(v2).toMatchObject({ id: v1.id, version: 2 });
    expect(v2.stages.map((s) => s.id)).toEqual(['landing', 'quote-form', 'thank-you']);
    expect(await getTemplateVersion(db, v1.id, 1)).toEqual(v1);
    expect(await getTemplateVersion(db, v1.id)).toEqual(v2);
    expect((await listTemplateVersions(db, v1.id)).map((t) => t.version)).toEqual([1, 2]);
    const entry = (await listTemplates(db)).find((e) => e.template.id === v1.id)!;
    expect(entry).toMatchObject({ versions: 2, template: v2 });
    // An audit that recorded version 1 still gets version 1's stages.
    expect((await resolveTemplate(db, v1.id, 1)).stages.map((s) => s.id)).toEqual(['landing', 'quote-form']);
  });

  it('an edited copy of a built-in is a new template that remembers its origin', async () => {
    const db = await openPeakendDb();
    const copy = draftOf(ECOMMERCE_TEMPLATE, { copy: true, name: 'My shop journey' });
    copy.stages = copy.stages.filter((s) => s.id !== 'delivery');
    copy.stages[0]!.url.push('start-here');
    const saved = await saveTemplate(db, copy, T1);
    expect(saved.id).not.toBe('e-commerce');
    expect(saved.stages.map((s) => s.id)).toEqual(
      ECOMMERCE_TEMPLATE.stages.map((s) => s.id).filter((id) => id !== 'delivery'),
    );
    expect((await db.getAll('templates'))[0]?.basedOn).toEqual({ id: 'e-commerce', version: 1 });
    expect(ECOMMERCE_TEMPLATE.stages[0]!.cues.url).not.toContain('start-here');
    // The copy works for stage suggestion like any template.
    expect(
      suggestStage(saved, { url: 'https://shop.example/start-here', title: 'Hi', previousStage: null }).stage,
    ).toBe('landing');
  });

  it('resolves unknown versions to the latest, and unknown templates to the default', async () => {
    const db = await openPeakendDb();
    const v1 = await saveTemplate(db, draft(), T1);
    expect((await resolveTemplate(db, v1.id, 7)).version).toBe(1);
    expect((await resolveTemplate(db, 'tpl_gone', 1)).id).toBe('e-commerce');
    expect(await resolveTemplate(db, 'booking', 1)).toBe(BOOKING_TEMPLATE);
    expect(await getTemplateVersion(db, 'tpl_gone')).toBeUndefined();
  });

  it('refuses to save a version of a template that does not exist', async () => {
    const db = await openPeakendDb();
    await expect(saveTemplate(db, draft({ id: 'tpl_gone' }), T1)).rejects.toMatchObject({
      error: { code: 'template-missing', templateId: 'tpl_gone' },
    });
    expect(await db.count('templates')).toBe(0);
  });
});

describe('drafts', () => {
  it.each([
    [{ name: '  ' }, 'name-missing'],
    [{ name: 'x'.repeat(101) }, 'name-too-long'],
    [{ stages: [] }, 'no-stages'],
    [
      { stages: Array.from({ length: 51 }, (_, i) => ({ id: null, name: `S${i}`, url: [], text: [] })) },
      'too-many-stages',
    ],
    [{ stages: [{ id: null, name: ' ', url: [], text: [] }] }, 'stage-name-missing'],
    [
      {
        stages: [
          { id: null, name: 'A', url: [], text: [] },
          { id: null, name: 'a ', url: [], text: [] },
        ],
      },
      'duplicate-stage',
    ],
    [{ stages: [{ id: null, name: 'A', url: ['x'.repeat(201)], text: [] }] }, 'cue-too-long'],
    [
      { stages: [{ id: null, name: 'A', url: [], text: Array.from({ length: 201 }, (_, i) => `c${i}`) }] },
      'too-many-cues',
    ],
  ] as Array<[Partial<TemplateDraft>, string]>)('refuses %j (%s) and saves nothing', async (over, code) => {
    expect(checkDraft(draft(over))?.code).toBe(code);
    const db = await openPeakendDb();
    await expect(saveTemplate(db, draft(over), T1)).rejects.toMatchObject({
      error: { code: 'template-invalid', reason: code },
    });
    expect(await db.count('templates')).toBe(0);
  });

  it('keeps stage ids of existing stages and makes new ones unique', () => {
    const stages = stagesOf(
      draft({
        stages: [
          { id: 'cart', name: 'Basket', url: [], text: [] },
          { id: null, name: 'Cart', url: [], text: [] },
          { id: null, name: 'Ünïcode — stage!', url: [], text: [] },
          { id: null, name: '***', url: [], text: [] },
        ],
      }),
    );
    expect(stages.map((s) => s.id)).toEqual(['cart', 'cart-2', 'unicode-stage', 'stage']);
  });

  it('cleans cues: trimmed, no blanks, no repeats', () => {
    expect(cleanCues([' a ', '', 'b', 'a', '  '])).toEqual(['a', 'b']);
  });

  it('starts an empty draft with one blank stage', () => {
    expect(emptyDraft().stages).toHaveLength(1);
    expect(checkDraft(emptyDraft())?.code).toBe('name-missing');
  });

  it('every built-in template is a valid draft when copied', () => {
    for (const t of TEMPLATES) expect(checkDraft(draftOf(t, { copy: true }))).toBeNull();
  });
});
