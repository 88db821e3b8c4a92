// Setting an audit's programme on this machine, without sync: the auditor types a programme name
// and a wave; the programme's id is the id an audit already in the store gives that name (so audits
// typed "Mystery Q4" and "mystery q4 " land in one programme), else one derived from the name.
// Sync may later bring a programme id from the team's database; a local id stays distinct from it.
import type { ProgrammeRef } from '../programme.ts';
import { siteKey, waveKey } from './grouping.ts';

export const PROGRAMME_NAME_MAX = 120;
export const WAVE_MAX = 60;

/** "local:" and the name with case and spacing folded. */
export const localProgrammeId = (name: string): string => `local:${siteKey(name)}`;

/**
 * The programme reference for what the auditor typed; null when the name is blank (the audit leaves
 * its programme). The wave may be blank: one wave with no name.
 */
export function programmeRefFor(name: string, wave: string, known: readonly ProgrammeRef[]): ProgrammeRef | null {
  const cleanName = name.normalize('NFKC').trim().replace(/\s+/g, ' ').slice(0, PROGRAMME_NAME_MAX);
  if (cleanName === '') return null;
  const key = siteKey(cleanName);
  const existing = known.find((ref) => siteKey(ref.name) === key);
  return {
    id: existing?.id ?? localProgrammeId(cleanName),
    name: existing?.name ?? cleanName,
    wave: waveKey(wave).slice(0, WAVE_MAX),
  };
}
