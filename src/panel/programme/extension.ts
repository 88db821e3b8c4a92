// The Programme port in the extension: storage.local, permissions.request, PouchDB over IndexedDB,
// SHA-256 through crypto.subtle. Loaded only when the library asks for it (backend.ts).
import browser from 'webextension-polyfill';
import type { PeakendDb } from '../../store/index.ts';
import { browserPouch } from '../../sync/pouch.ts';
import { requestServerAccess, sharingConsented } from './chrome/server-access.ts';
import { programmePort, type ProgrammePort } from './port.ts';

const subtleSha256 = async (bytes: Uint8Array): Promise<string> => {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
};

export function extensionProgramme(db: () => Promise<PeakendDb>): ProgrammePort {
  return programmePort({
    area: browser.storage.local,
    // Chrome asks for the server's host; Firefox also for the data a share sends (its twin module).
    requestHost: requestServerAccess,
    consented: sharingConsented,
    pouch: browserPouch,
    sha256: subtleSha256,
    db,
    version: browser.runtime.getManifest().version,
  });
}
