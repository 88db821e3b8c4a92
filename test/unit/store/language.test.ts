// The panel's language choice, kept in the meta store beside the active audit: read back after the
// database is opened anew, cleared to follow the browser, and never mistaken for the active audit.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  clearActive,
  deleteAudit,
  getActive,
  getLanguageChoice,
  openPeakendDb,
  putAudit,
  resetDbCache,
  setActive,
  setLanguageChoice,
} from '../../../src/store/index.ts';
import { sampleAudit } from '../fixtures.ts';

beforeEach(() => resetDbCache());

describe('language choice', () => {
  it('is none at first, kept when set, and none again when the browser language is chosen', async () => {
    const db = await openPeakendDb();
    expect(await getLanguageChoice(db)).toBeNull();
    await setLanguageChoice(db, 'pl');
    db.close();
    resetDbCache();
    const reopened = await openPeakendDb();
    expect(await getLanguageChoice(reopened)).toBe('pl');
    await setLanguageChoice(reopened, null);
    expect(await getLanguageChoice(reopened)).toBeNull();
  });

  it('lives beside the active audit without being read as one', async () => {
    const db = await openPeakendDb();
    await setLanguageChoice(db, 'he');
    expect(await getActive(db)).toBeUndefined();
    const audit = sampleAudit();
    await putAudit(db, audit);
    await setActive(db, { auditId: audit.id, tabId: 3, windowId: 1 });
    await deleteAudit(db, audit.id);
    expect(await getActive(db)).toBeUndefined();
    await clearActive(db);
    expect(await getLanguageChoice(db)).toBe('he');
  });
});
