// Sharing without a click: with "Share finished audits automatically" on, an audit reaches the team's
// CouchDB (the test server on 127.0.0.1) as soon as the auditor ends the journey, with no Sync now
// and no Share this audit pressed, and the panel says nothing about it when it went well.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouchServer, type CouchServer } from '../support/couch-server.ts';
import { connect } from './support/programme.ts';
import { audits, demoShopFixture, eventually, openPanel, settled, startAudit, steps } from './support/peakend.ts';

const shop = demoShopFixture();
let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(async () => server.close());

describe('sharing on its own', () => {
  it('sends an ended audit to the server when finished audits are shared', async () => {
    const s = await shop.launch();
    const panel = await openPanel(s);
    await panel.getByRole('heading', { name: 'Audits' }).waitFor();
    await connect(panel, server.url, 'anna');
    await panel.getByText('Up to date').waitFor({ timeout: 15000 });
    await panel.getByLabel('Share finished audits automatically').check();
    await panel
      .locator('.programme')
      .getByRole('button', { name: 'Sync now' })
      .and(panel.locator(':enabled'))
      .waitFor();
    expect((await server.db('team').allDocs({})).rows).toEqual([]);

    await startAudit(panel, 'anna');
    await s.page.goto(`${shop.shop.url}/products.html`);
    const recorded = await eventually(
      () => steps(s.h),
      (list) => list.length === 2 && settled(list),
    );
    const auditId = (await audits(s.h))[0]!.id;
    // Recording: not finished, so not shared.
    expect((await server.db('team').allDocs({})).rows).toEqual([]);

    await panel.getByRole('button', { name: 'Final survey', exact: true }).click();
    await panel.getByRole('button', { name: 'End journey', exact: true }).click();
    const ids = await eventually(
      async () => (await server.db('team').allDocs({})).rows.map((r) => r.id).sort(),
      (list) => list.length === 1 + recorded.length,
      20000,
    );
    expect(ids).toEqual([`audit:${auditId}`, ...recorded.map((step) => `step:${auditId}:${step.id}`)].sort());
    const doc = (await server.db('team').get(`audit:${auditId}`)) as unknown as {
      body: { audit: { status: string } };
    };
    expect(doc.body.audit.status).toBe('ended');
    // Quiet: the audit view shows no sync message, and nothing failed.
    expect(await panel.locator('[role=alert]').count()).toBe(0);
    expect(await panel.getByText('Up to date').count()).toBe(0);
  });
});
