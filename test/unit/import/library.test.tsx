// @vitest-environment jsdom
// The library in a plain page over the real store (fake-indexeddb): search and filters, duplicate
// as plan, compare selection, import through the file input (clash dialog, refused files leave the
// store unchanged and say why in an alert), hostile strings shown as text, and the templates view.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Audit } from '../../../src/domain/model.ts';
import { Library } from '../../../src/panel/views/Library.tsx';
import { comparePath } from '../../../src/panel/views/library/compare.ts';
import { matches, NO_FILTERS } from '../../../src/panel/views/library/filtering.ts';
import { getAudit, importAudit, listSteps, openPeakendDb, putAudit } from '../../../src/store/index.ts';
import { makeAudit, makeStep, mark } from '../scores/factory.ts';
import type { FakeBackend } from '../panel/fake-backend.ts';
import {
  allByRole,
  byRole,
  choose,
  click,
  freshPanelTest,
  mount,
  text,
  type,
  unmountAll,
  waitFor,
} from '../panel/harness.tsx';
import { RUBRIC_V1 } from '../../../src/domain/rubric.ts';
import { fixture, HOSTILE, plan } from './helpers.ts';

let backend: FakeBackend;

beforeEach(() => (backend = freshPanelTest()));
afterEach(() => unmountAll());

const rows = (c: HTMLElement) => [...c.querySelectorAll<HTMLElement>('li.audit-row')];
const sites = (c: HTMLElement) => rows(c).map((r) => text(r.querySelector('.audit-row__site')));

async function library(): Promise<HTMLElement> {
  const { container } = mount(backend, <Library onOpen={() => undefined} onNew={() => undefined} />);
  await waitFor(() => {
    if (!container.querySelector('li.audit-row') && !container.querySelector('.empty')) throw new Error('not loaded');
  });
  return container;
}

const allMarked = () => Object.fromEntries(RUBRIC_V1.criteria.map((c) => [c.id, mark('pass')]));

async function seedThree(): Promise<Audit[]> {
  const db = await openPeakendDb();
  const audits = [
    makeAudit({
      id: 'aud_a',
      site: 'Northwind',
      auditor: 'fox',
      scenario: 'Buy a jacket',
      templateId: 'e-commerce',
      startedAt: '2026-03-02T10:00:00.000Z',
      updatedAt: '2026-03-02T10:00:00.000Z',
      rubric: { rubricVersion: 'v1', marks: allMarked() },
    }),
    makeAudit({
      id: 'aud_b',
      site: 'Contoso',
      auditor: 'owl',
      scenario: 'Book a room',
      templateId: 'booking',
      startedAt: '2026-05-10T10:00:00.000Z',
      updatedAt: '2026-05-10T10:00:00.000Z',
    }),
    makeAudit({
      id: 'aud_c',
      site: 'Northwind',
      auditor: 'owl',
      scenario: 'Return an order',
      templateId: 'support-contact',
      startedAt: '2026-07-20T10:00:00.000Z',
      updatedAt: '2026-07-20T10:00:00.000Z',
    }),
  ];
  for (const a of audits) await putAudit(db, a);
  // aud_a is complete: one rated step and every criterion marked.
  await db.put('steps', makeStep({ id: 'stp_a0', auditId: 'aud_a', index: 0, ease: 6, valence: 2 }));
  return audits;
}

/** Lets Preact render between two events, as it does between a person's keystroke and click. */
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function search(c: HTMLElement): HTMLInputElement {
  const input = c.querySelector<HTMLInputElement>('input[type=search]')!;
  expect(input.closest('label')?.firstChild?.textContent).toBe('Search audits');
  return input;
}

function fileOf(bytes: Uint8Array, name: string): File {
  return new File([bytes as Uint8Array<ArrayBuffer>], name);
}

function pick(container: HTMLElement, file: File): void {
  const input = container.querySelector<HTMLInputElement>('input[type=file]')!;
  expect(input.getAttribute('aria-label')).toBe('Import an audit file (.zip or .json)');
  expect(input.accept).toContain('.zip');
  expect(input.accept).toContain('.json');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function everything(): Promise<unknown> {
  const db = await openPeakendDb();
  const out: Record<string, unknown> = {};
  for (const s of ['audits', 'steps', 'screenshots', 'meta', 'templates'] as const) out[s] = await db.getAll(s);
  out.blobs = (await db.getAll('blobs')).map((b) => [b.shotId, b.kind, b.blob.size]);
  return out;
}

describe('search and filters', () => {
  it('matches(): site, scenario and auditor search; site, auditor, template, dates and completeness filters', () => {
    const a = makeAudit({
      site: 'Northwind',
      scenario: 'Buy',
      auditor: 'fox',
      templateId: 'booking',
      startedAt: '2026-03-02T12:00:00.000Z',
    });
    expect(matches(a, { ...NO_FILTERS, query: 'north' })).toBe(true);
    expect(matches(a, { ...NO_FILTERS, query: 'FOX' })).toBe(true);
    expect(matches(a, { ...NO_FILTERS, query: 'buy' })).toBe(true);
    expect(matches(a, { ...NO_FILTERS, query: 'contoso' })).toBe(false);
    expect(matches(a, { ...NO_FILTERS, site: 'Northwind' })).toBe(true);
    expect(matches(a, { ...NO_FILTERS, site: 'North' })).toBe(false);
    expect(matches(a, { ...NO_FILTERS, auditor: 'owl' })).toBe(false);
    expect(matches(a, { ...NO_FILTERS, template: 'booking' })).toBe(true);
    expect(matches(a, { ...NO_FILTERS, template: 'e-commerce' })).toBe(false);
    expect(matches(a, { ...NO_FILTERS, from: '2026-03-01', to: '2026-03-31' })).toBe(true);
    expect(matches(a, { ...NO_FILTERS, from: '2026-03-03' })).toBe(false);
    expect(matches(a, { ...NO_FILTERS, to: '2026-03-01' })).toBe(false);
    expect(matches(a, { ...NO_FILTERS, complete: 'complete' }, true)).toBe(true);
    expect(matches(a, { ...NO_FILTERS, complete: 'complete' }, false)).toBe(false);
    expect(matches(a, { ...NO_FILTERS, complete: 'incomplete' }, false)).toBe(true);
  });

  it('filters the list as the auditor types and chooses', async () => {
    await seedThree();
    const c = await library();
    expect(sites(c)).toEqual(['Northwind', 'Contoso', 'Northwind']);
    type(search(c), 'owl');
    await waitFor(() => expect(sites(c)).toEqual(['Northwind', 'Contoso']));
    expect(text(byRole(c, 'status'))).toBe('2 of 3 audits');
    type(search(c), '');
    choose(byRole<HTMLSelectElement>(c, 'combobox', 'Template'), 'booking');
    await waitFor(() => expect(sites(c)).toEqual(['Contoso']));
    choose(byRole<HTMLSelectElement>(c, 'combobox', 'Template'), '');
    choose(byRole<HTMLSelectElement>(c, 'combobox', 'Site'), 'Northwind');
    await waitFor(() => expect(rows(c).map((r) => r.dataset.auditId)).toEqual(['aud_c', 'aud_a']));
    choose(byRole<HTMLSelectElement>(c, 'combobox', 'Completeness'), 'complete');
    await waitFor(() => expect(rows(c).map((r) => r.dataset.auditId)).toEqual(['aud_a']));
    choose(byRole<HTMLSelectElement>(c, 'combobox', 'Completeness'), 'incomplete');
    await waitFor(() => expect(rows(c).map((r) => r.dataset.auditId)).toEqual(['aud_c']));
    click(byRole(c, 'button', 'Clear filters'));
    await waitFor(() => expect(rows(c)).toHaveLength(3));
  });

  it('filters by date range', async () => {
    await seedThree();
    const c = await library();
    const from = c.querySelectorAll<HTMLInputElement>('input[type=date]')[0]!;
    from.value = '2026-05-01';
    from.dispatchEvent(new Event('input', { bubbles: true }));
    await waitFor(() => expect(rows(c).map((r) => r.dataset.auditId)).toEqual(['aud_c', 'aud_b']));
  });
});

describe('row actions', () => {
  it('keeps Open, Rename and Delete, and adds Duplicate as plan, Export zip and Programme', async () => {
    await seedThree();
    const c = await library();
    const row = rows(c)[0]!;
    expect(allByRole(row, 'button').map((b) => text(b))).toEqual([
      'Open',
      'Rename',
      'Delete',
      'Duplicate as plan',
      'Export zip',
      'Programme',
    ]);
  });

  it('duplicates an audit as a plan: same site, scenario and template, no steps', async () => {
    await seedThree();
    const c = await library();
    const row = rows(c).find((r) => r.dataset.auditId === 'aud_a')!;
    click(byRole(row, 'button', 'Duplicate as plan'));
    await waitFor(() => expect(rows(c)).toHaveLength(4));
    const db = await openPeakendDb();
    const plan = (await db.getAll('audits')).find((a) => a.status === 'plan')!;
    expect(plan).toMatchObject({ site: 'Northwind', scenario: 'Buy a jacket', templateId: 'e-commerce', stepCount: 0 });
    expect(await listSteps(db, plan.id)).toEqual([]);
    // The site's name is isolated (U+2068 … U+2069) inside the notice.
    expect(text(byRole(c, 'status'))).toBe('A plan for “\u2068Northwind\u2069” was added to the library.');
  });

  it('compares 2 to 4 selected audits on the compare page', async () => {
    const db = await openPeakendDb();
    for (let i = 0; i < 5; i++)
      await putAudit(
        db,
        makeAudit({ id: `aud_${i}`, site: `Shop ${i}`, updatedAt: `2026-01-0${i + 1}T00:00:00.000Z` }),
      );
    const c = await library();
    const compare = byRole<HTMLButtonElement>(c, 'button', 'Compare');
    expect(compare.disabled).toBe(true);
    const boxes = () => [...c.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    expect(boxes()[0]!.getAttribute('aria-label')).toBe('Select “Shop 4” to compare');
    click(boxes()[0]!);
    await waitFor(() => expect(boxes()[0]!.checked).toBe(true));
    expect(compare.disabled).toBe(true);
    for (const i of [1, 2, 3]) click(boxes()[i]!);
    await waitFor(() => expect(boxes()[4]!.disabled).toBe(true));
    expect(compare.disabled).toBe(false);
    click(compare);
    expect(backend.opened).toEqual([comparePath(['aud_4', 'aud_3', 'aud_2', 'aud_1'])]);
    expect(backend.opened[0]).toBe('src/report/compare/compare.html?audits=aud_4,aud_3,aud_2,aud_1');
  });
});

describe('import from the file input', () => {
  it('imports a zip bundle and shows its hostile strings as text', async () => {
    const c = await library();
    const f = fixture();
    pick(c, fileOf(f.zip, 'peakend-shop.zip'));
    await waitFor(() => expect(rows(c)).toHaveLength(1), 3000);
    expect(text(byRole(c, 'status'))).toContain('Imported “');
    expect(text(byRole(c, 'status'))).toContain('3 steps, 3 screenshots');
    const row = rows(c)[0]!;
    expect(row.querySelector('.audit-row__site')!.textContent).toBe(HOSTILE);
    expect(row.querySelector('img, script')).toBeNull();
    expect(c.querySelector('img, script')).toBeNull();
    expect(await listSteps(await openPeakendDb(), f.audit.id)).toHaveLength(3);
  });

  it('asks on a clash: Keep both adds a copy, Replace swaps it, Cancel writes nothing', async () => {
    const f = fixture({ site: 'Northwind' });
    await importAudit(await openPeakendDb(), await plan(f.zip));
    const c = await library();

    pick(c, fileOf(f.zip, 'again.zip'));
    const dialog = await waitFor(() => {
      const d = c.querySelector<HTMLElement>('[role=dialog]');
      if (!d) throw new Error('no dialog');
      return d;
    }, 3000);
    expect(text(dialog)).toContain('An audit with this id exists');
    expect(allByRole(dialog, 'button').map((b) => text(b))).toEqual(['Keep both', 'Replace', 'Cancel']);
    const before = await everything();
    click(byRole(dialog, 'button', 'Cancel'));
    await waitFor(() => expect(c.querySelector('[role=dialog]')).toBeNull());
    expect(await everything()).toEqual(before);

    pick(c, fileOf(f.zip, 'again.zip'));
    await waitFor(() => click(byRole(c.querySelector('[role=dialog]')!, 'button', 'Keep both')), 3000);
    await waitFor(() => expect(sites(c).sort()).toEqual(['Northwind', 'Northwind (imported)']), 3000);

    pick(c, fileOf(f.zip, 'again.zip'));
    await waitFor(() => click(byRole(c.querySelector('[role=dialog]')!, 'button', 'Replace')), 3000);
    await waitFor(() => expect(text(byRole(c, 'status'))).toContain('Imported'), 3000);
    expect(rows(c)).toHaveLength(2);
    expect((await getAudit(await openPeakendDb(), f.audit.id))?.site).toBe('Northwind');
  });

  it.each([
    [
      'a truncated zip',
      () => fixture().zip.subarray(0, 900),
      'x.zip',
      'This zip is incomplete (truncated): it ends before its table of contents. Nothing was imported.',
    ],
    [
      'a newer version',
      () => new TextEncoder().encode(JSON.stringify({ ...fixture().exp, version: 4 })),
      'x.json',
      'This file was made by a newer Peakend',
    ],
    ['text named .json', () => new TextEncoder().encode('<html>'), 'x.json', 'This file is not valid JSON'],
  ])('refuses %s with an alert and leaves the store as it was', async (_name, bytes, name, message) => {
    const db = await openPeakendDb();
    await putAudit(db, makeAudit({ id: 'aud_keep', site: 'Kept' }));
    const c = await library();
    const before = await everything();
    pick(c, fileOf(bytes(), name));
    const alert = await waitFor(() => byRole(c, 'alert'), 3000);
    expect(text(alert)).toContain(message);
    expect(text(alert)).toContain('Nothing was imported.');
    expect(await everything()).toEqual(before);
  });

  it('imports a file dropped on the library, and refuses several at once', async () => {
    const c = await library();
    const drop = (files: File[]) => {
      const target = c.querySelector('.import-drop')!;
      const dataTransfer = { types: ['Files'], files, dropEffect: 'none' };
      for (const type of ['dragenter', 'dragover']) {
        target.dispatchEvent(Object.assign(new Event(type, { bubbles: true, cancelable: true }), { dataTransfer }));
      }
      const event = Object.assign(new Event('drop', { bubbles: true, cancelable: true }), { dataTransfer });
      target.dispatchEvent(event);
      return event;
    };
    const f = fixture();
    const twice = drop([fileOf(f.zip, 'a.zip'), fileOf(f.json, 'a.json')]);
    expect(twice.defaultPrevented).toBe(true);
    await waitFor(() => expect(text(byRole(c, 'alert'))).toContain('Drop one file at a time.'));
    expect(await (await openPeakendDb()).count('audits')).toBe(0);
    drop([fileOf(f.zip, 'a.zip')]);
    await waitFor(() => expect(rows(c)).toHaveLength(1), 3000);
    expect(rows(c)[0]!.dataset.auditId).toBe(f.audit.id);
  });

  it('names the broken field of a hostile file as text', async () => {
    const exp = JSON.parse(JSON.stringify(fixture().exp));
    exp.steps[0].ease = '<img src=x onerror=alert(1)>';
    const c = await library();
    pick(c, fileOf(new TextEncoder().encode(JSON.stringify(exp)), 'x.json'));
    const alert = await waitFor(() => byRole(c, 'alert'), 3000);
    expect(text(alert)).toContain('steps[0].ease should be a whole number from 1 to 7');
    expect(c.querySelector('img')).toBeNull();
  });
});

describe('templates view', () => {
  it('opens from the library, lists the built-ins, and saves an edited copy as a new template', async () => {
    const c = await library();
    click(byRole(c, 'button', 'Templates'));
    await waitFor(() => expect(c.querySelectorAll('li.template-row')).toHaveLength(4));
    expect([...c.querySelectorAll('li.template-row strong')].map((e) => text(e))).toEqual([
      'E-commerce purchase',
      'Sign-up',
      'Booking',
      'Support contact',
    ]);
    const booking = c.querySelector<HTMLElement>('li[data-template-id="booking"]')!;
    expect(allByRole(booking, 'button').map((b) => text(b))).toEqual(['Edit copy']);
    click(byRole(booking, 'button', 'Edit copy'));
    const name = await waitFor(() => byRole<HTMLInputElement>(c, 'textbox', 'Template name'));
    expect(name.value).toBe('Booking (copy)');
    type(name, 'Hotel booking');
    click(byRole(c, 'button', 'Remove stage 4'));
    await waitFor(() => expect(c.querySelectorAll('li.stage-edit')).toHaveLength(7));
    const urlCues = c.querySelectorAll<HTMLTextAreaElement>('li.stage-edit textarea')[0]!;
    type(urlCues, `${urlCues.value}\nresort`);
    await tick();
    click(byRole(c, 'button', 'Save'));
    await waitFor(() =>
      // The template's name is isolated (U+2068 … U+2069) inside the notice.
      expect(text(byRole(c, 'status'))).toBe(
        'Saved “\u2068Hotel booking\u2069”, version 1. Audits keep the version they used.',
      ),
    );
    const saved = (await (await openPeakendDb()).getAll('templates'))[0]!;
    expect(saved).toMatchObject({ name: 'Hotel booking', version: 1, basedOn: { id: 'booking', version: 1 } });
    expect(saved.stages.map((s) => s.id)).not.toContain('extras');
    expect(saved.stages[0]!.cues.url).toContain('resort');
    // Editing it again makes version 2.
    const row = await waitFor(() => c.querySelector<HTMLElement>(`li[data-template-id="${saved.id}"]`)!);
    click(byRole(row, 'button', 'Edit'));
    await waitFor(() => byRole(c, 'button', 'Save'));
    click(byRole(c, 'button', 'Save'));
    await waitFor(() => expect(text(byRole(c, 'status'))).toContain('version 2'));
  });

  it('says what is wrong with a new template instead of saving it', async () => {
    const c = await library();
    click(byRole(c, 'button', 'Templates'));
    await waitFor(() => click(byRole(c, 'button', 'New template')));
    await waitFor(() => click(byRole(c, 'button', 'Save')));
    await waitFor(() => expect(text(byRole(c, 'alert'))).toContain('Give the template a name.'));
    type(byRole<HTMLInputElement>(c, 'textbox', 'Template name'), 'Mine');
    await tick();
    click(byRole(c, 'button', 'Save'));
    await waitFor(() => expect(text(byRole(c, 'alert'))).toContain('Stage 1 needs a name.'));
    expect(await (await openPeakendDb()).count('templates')).toBe(0);
    click(byRole(c, 'button', 'Library'));
    await waitFor(() => byRole(c, 'button', 'New audit'));
  });
});
