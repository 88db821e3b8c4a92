// `npm start`: build Peakend, serve the demo shop, and open Chromium with Peakend loaded, ready to
// audit. With `--headless`, or where there is no display, walk the demo shop through the real
// extension's panel instead and write what was recorded to out/.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { startDemoShop } from './demo-shop/server.ts';
import { launchExtension, requireChromium } from '../test/e2e/harness/index.ts';
import { rateStep, walkDemoJourney } from '../test/e2e/support/audit-walk.ts';
import { addTouchpoint, pasteRedactedImage } from '../test/e2e/support/touchpoint-walk.ts';
import { answeredChatProbe } from '../test/e2e/support/probe-walk.ts';
import { t } from '../src/i18n/t.ts';
import { eventually, openPanel, steps as stepsOf } from '../test/e2e/support/peakend.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const out = join(root, 'out');
const args = new Set(process.argv.slice(2));
const hasDisplay =
  Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) ||
  process.platform === 'darwin' ||
  process.platform === 'win32';
const headless = args.has('--headless') || !hasDisplay;

function build(): void {
  console.log('Building Peakend…');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The build failed (see above).');
}

async function headed(): Promise<void> {
  const shop = await startDemoShop({
    port: Number(process.env.DEMO_PORT ?? 4310),
    paymentPort: Number(process.env.DEMO_PAYMENT_PORT ?? 4311),
  });
  const profile = join(out, 'chromium-profile');
  mkdirSync(profile, { recursive: true });
  const chromium = requireChromium();
  const flags = [
    `--user-data-dir=${profile}`,
    `--load-extension=${dist}`,
    `--disable-extensions-except=${dist}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    `${shop.url}/index.html`,
  ];
  console.log(`Demo shop: ${shop.url}/ (variant B: ${shop.url}/b/)`);
  console.log(
    'Chromium opens with Peakend loaded. Click the Peakend button in the toolbar (under the puzzle piece) to open the side panel, then New audit.',
  );
  console.log(`Audits are kept in ${relative(process.cwd(), profile)}. Close the browser or press Ctrl-C to stop.`);
  const browser = spawn(chromium, flags, { stdio: 'ignore' });
  const stop = async () => {
    browser.kill();
    await shop.close();
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(0)));
  await new Promise<void>((resolveExit) => browser.once('exit', () => resolveExit()));
  await shop.close();
}

async function walk(): Promise<void> {
  const shop = await startDemoShop();
  const h = await launchExtension({ distDir: dist });
  try {
    const page = h.context.pages()[0] ?? (await h.context.newPage());
    await page.goto(`${shop.url}/index.html`);
    const windowId = await h.windowIdOf(page);
    const panel = await openPanel({ h, windowId });
    console.log('Walking the demo shop through the Peakend panel…');
    const { auditId, steps } = await walkDemoJourney({ h, shop, page, windowId }, panel, {
      variant: 'A',
      dwellMs: 700,
    });
    console.log(`Recorded ${steps.length} steps: ${steps.map((s) => new URL(s.url).pathname).join(' → ')}`);

    await panel.getByRole('button', { name: t('tab_steps'), exact: true }).click();
    // On the product page the shopper asked the shop's chat about delivery: a chat probe, sent three
    // minutes ago, answered (the actual question) 95 seconds later.
    const product = steps.find((s) => new URL(s.url).pathname.endsWith('/product.html')) ?? steps[0]!;
    if ((await panel.locator(`[data-probes-for="${product.id}"]`).count()) === 0) {
      await panel.getByRole('button', { name: t('rateStep', String(product.index + 1)), exact: true }).click();
    }
    await answeredChatProbe(h, panel, product.id, 'Will the jacket arrive before Friday?');
    console.log('Added a chat probe on the product page, answered after 95 s.');

    // After the order: the courier phones ahead (a touchpoint beyond the website; the worry about
    // Friday vanished: the journey's peak), with a photo of the delivery notice, its tracking number
    // blacked out before it is stored.
    const call = await addTouchpoint(h, panel, {
      channel: 'phone',
      title: 'The courier phoned ahead to agree a delivery time',
      position: steps.length,
    });
    const storedStep = (id: string) => async () => (await stepsOf(h)).find((s) => s.id === id);
    await rateStep(panel, call.id, storedStep(call.id), { ease: 7, valence: 4, emotions: ['cared-for'] });
    await panel.locator(`[data-editor-for="${call.id}"] label.stage select`).selectOption('delivery');
    await eventually(storedStep(call.id), (s) => s?.stage === 'delivery');
    await pasteRedactedImage(panel);
    console.log('Added a phone-call touchpoint with a redacted image.');

    // The journey ends with the delivery itself (the e-commerce template's post-purchase stage
    // expects one): the last moment the shopper will remember.
    const delivery = await addTouchpoint(h, panel, {
      channel: 'delivery',
      title: 'The jacket arrived at the agreed time',
      position: steps.length + 1,
    });
    await rateStep(panel, delivery.id, storedStep(delivery.id), {
      ease: 7,
      valence: 3,
      emotions: ['happy'],
      note: 'On time, well packed, the courier waited while I tried it on',
    });
    await panel.locator(`[data-editor-for="${delivery.id}"] label.stage select`).selectOption('post-purchase');
    await eventually(storedStep(delivery.id), (s) => s?.stage === 'post-purchase');
    console.log('Added the delivery touchpoint at the end of the journey.');

    // The auditor confirms the touchpoint scenario suggested from the channels used.
    await panel.getByRole('button', { name: t('tab_summary'), exact: true }).click();
    await panel.getByRole('button', { name: t('summary_scenarioUse'), exact: true }).click();
    await eventually(
      () => h.readIndexedDb<{ id: string; touchpoint: number | null }>('peakend', 'audits'),
      (rows) => rows.some((a) => a.id === auditId && a.touchpoint !== null),
    );
    console.log('Used the touchpoint scenario suggested from the channels.');

    const report = await h.openExtensionPage(`src/report/report.html?audit=${auditId}`);
    await report.locator('[data-metric="pe100"]').waitFor();
    const save = async (label: string) => {
      const [download] = await Promise.all([
        report.waitForEvent('download'),
        report.getByRole('button', { name: label }).click(),
      ]);
      const file = join(out, download.suggestedFilename());
      await download.saveAs(file);
      return file;
    };
    rmSync(join(out, 'screenshots'), { recursive: true, force: true });
    rmSync(join(out, 'attachments'), { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const zipFile = await save('Export zip');
    const files = unzipSync(new Uint8Array(await (await import('node:fs/promises')).readFile(zipFile)));
    const written: string[] = [];
    for (const [name, bytes] of Object.entries(files)) {
      const target = join(out, name === 'audit.json' ? 'demo-audit.json' : name);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes);
      written.push(target);
    }
    rmSync(zipFile);
    const htmlFile = await save('Export HTML');
    const reportFile = join(out, 'demo-report.html');
    rmSync(reportFile, { force: true });
    (await import('node:fs')).renameSync(htmlFile, reportFile);

    const rel = (f: string) => relative(process.cwd(), f);
    console.log('\nWritten:');
    console.log(`  audit (JSON):  ${rel(join(out, 'demo-audit.json'))}`);
    console.log(
      `  screenshots:   ${rel(join(out, 'screenshots'))}/ (${written.filter((f) => f.endsWith('.jpg')).length} JPEG files)`,
    );
    console.log(
      `  attachments:   ${rel(join(out, 'attachments'))}/ (${written.filter((f) => f.includes('attachments')).length} file)`,
    );
    console.log(`  report (HTML): ${rel(reportFile)}`);
  } finally {
    await h.close();
    await shop.close();
  }
}

try {
  build();
  if (headless) await walk();
  else await headed();
} catch (error) {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
