// Puts a two-step audit with screenshots into the (fake) IndexedDB through the store API.
import type { Audit, Screenshot } from '../../../src/domain/model.ts';
import { addScreenshot, addStep, patchStep, putAudit, type PeakendDb } from '../../../src/store/index.ts';
import { imageBytes, journeyAudit, shotFor } from './fixtures.ts';

export async function seedAudit(
  db: PeakendDb,
): Promise<{ audit: Audit; shots: Screenshot[]; bytes: Map<string, Uint8Array> }> {
  const now = '2026-11-23T10:00:00.000Z';
  const audit = journeyAudit({ id: 'aud_store', stepCount: 0 });
  await putAudit(db, audit);
  const shots: Screenshot[] = [];
  const bytes = new Map<string, Uint8Array>();
  for (const [i, title] of ['Home', 'Cart'].entries()) {
    const step = await addStep(db, audit.id, { url: `https://shop.example/${i}`, title, trigger: 'navigation' }, now);
    await patchStep(db, step.id, { ease: 5 + i, valence: i }, now);
    const data = imageBytes(500 + i, i + 7);
    const shot = shotFor(step, data);
    await addScreenshot(
      db,
      shot,
      new Blob([data], { type: 'image/jpeg' }),
      new Blob([data.subarray(0, 50)], { type: 'image/jpeg' }),
      now,
    );
    shots.push(shot);
    bytes.set(shot.id, data);
  }
  return { audit, shots, bytes };
}
