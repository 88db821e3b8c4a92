// What arrives from the team's server is untrusted: it is checked by the import itself
// (src/domain/import), as if the auditor had dropped the audit's zip bundle on the panel: format and
// version, every field, sizes and limits, references, and each file's type, size and SHA-256 against
// the metadata. The documents are glued into that bundle in memory (files stored, not compressed).
import { strToU8, zipSync, type Zippable } from 'fflate';
import { BUNDLE_JSON_NAME } from '../domain/export-format.ts';
import type { ImportProblem } from '../domain/import/errors.ts';
import { prepareImportBytes, type ImportPlan } from '../domain/import/prepare.ts';
import { bundleOf, type Arrived, type Sha256 } from './documents.ts';

export type Arrival = { ok: true; plan: ImportPlan } | { ok: false; problem: ImportProblem } | { ok: 'incomplete' };

// A file name inside the zip that is not a plain bundle path is refused by the zip reader
// (zip-unsafe-name); an attachment the JSON does not name is left out, as an import ignores it.
export async function checkArrival(arrived: Arrived, name: string, sha256: Sha256): Promise<Arrival> {
  const glued = bundleOf(arrived);
  if (glued === 'incomplete') return { ok: 'incomplete' };
  return checkBundle(glued, name, sha256);
}

/** An export with its files, checked as the import checks a dropped zip. */
export async function checkBundle(
  glued: { exp: unknown; files: ReadonlyMap<string, Uint8Array> },
  name: string,
  sha256: Sha256,
): Promise<Exclude<Arrival, { ok: 'incomplete' }>> {
  const entries: Zippable = { [BUNDLE_JSON_NAME]: [strToU8(JSON.stringify(glued.exp)), { level: 0 }] };
  for (const [file, bytes] of glued.files) {
    if (file === BUNDLE_JSON_NAME) continue;
    entries[file] = [bytes, { level: 0 }];
  }
  let zip: Uint8Array;
  try {
    zip = zipSync(entries);
  } catch (error) {
    return {
      ok: false,
      problem: { code: 'zip-corrupt', reason: error instanceof Error ? error.message : 'unzippable' },
    };
  }
  const result = await prepareImportBytes(zip, name, { sha256 });
  return result.ok ? { ok: true, plan: result.value } : { ok: false, problem: result.error };
}
