// Which audits belong to which programme, site and wave. Sites are matched by name (trimmed, case
// and spacing ignored: "Northwind " and "northwind" are one site); waves by their name, and ordered
// by the dates of their audits (the earliest start of each), never by the name: "Wave 10" after
// "Wave 9", "Spring" before "Autumn" when spring came first.
import type { Audit } from '../model.ts';
import type { ProgrammeId } from '../programme.ts';

export interface ProgrammeEntry {
  id: ProgrammeId;
  /** The name the newest audit gives it. */
  name: string;
  audits: number;
}

/** When the audit happened: its start, else when it was made. */
export const auditDate = (audit: Pick<Audit, 'startedAt' | 'createdAt'>): string => audit.startedAt ?? audit.createdAt;

export const siteKey = (site: string): string => site.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
export const auditorKey = siteKey;
export const waveKey = (wave: string): string => wave.normalize('NFKC').trim().replace(/\s+/g, ' ');

/** The programmes the audits belong to, by name. */
export function programmesIn(audits: readonly Audit[]): ProgrammeEntry[] {
  const byId = new Map<string, { entry: ProgrammeEntry; newest: string }>();
  for (const audit of audits) {
    const ref = audit.programme;
    if (!ref || typeof ref.id !== 'string' || ref.id === '') continue;
    const seen = byId.get(ref.id);
    const when = audit.updatedAt;
    if (!seen) byId.set(ref.id, { entry: { id: ref.id, name: ref.name, audits: 1 }, newest: when });
    else {
      seen.entry.audits += 1;
      if (when > seen.newest) {
        seen.newest = when;
        seen.entry.name = ref.name;
      }
    }
  }
  return [...byId.values()]
    .map((v) => v.entry)
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

export interface WaveInfo {
  /** The wave's name as the audits give it (spacing normalised). */
  wave: string;
  /** The earliest and latest audit dates in it. */
  from: string;
  to: string;
  audits: number;
}

/** The waves of these audits, in the order of their earliest audit (then by name). */
export function orderedWaves(audits: readonly Audit[]): WaveInfo[] {
  const waves = new Map<string, WaveInfo>();
  for (const audit of audits) {
    const wave = waveKey(audit.programme?.wave ?? '');
    const when = auditDate(audit);
    const info = waves.get(wave);
    if (!info) waves.set(wave, { wave, from: when, to: when, audits: 1 });
    else {
      info.audits += 1;
      if (when < info.from) info.from = when;
      if (when > info.to) info.to = when;
    }
  }
  return [...waves.values()].sort((a, b) =>
    a.from < b.from ? -1 : a.from > b.from ? 1 : a.wave.localeCompare(b.wave),
  );
}

export interface SiteInfo {
  key: string;
  /** The name of the site's earliest audit, trimmed. */
  name: string;
  audits: number;
}

export function sitesOf(audits: readonly Audit[]): SiteInfo[] {
  const sites = new Map<string, SiteInfo & { first: string }>();
  for (const audit of audits) {
    const key = siteKey(audit.site);
    const when = auditDate(audit);
    const info = sites.get(key);
    if (!info) sites.set(key, { key, name: audit.site.trim(), audits: 1, first: when });
    else {
      info.audits += 1;
      if (when < info.first) {
        info.first = when;
        info.name = audit.site.trim();
      }
    }
  }
  return [...sites.values()]
    .map(({ key, name, audits: n }) => ({ key, name, audits: n }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
}

/** The language most of the audits were made in (a locale folder name); ties go to the first seen. */
export function programmeLanguage(audits: readonly Pick<Audit, 'language'>[]): string | null {
  const counts = new Map<string, number>();
  for (const audit of audits) if (audit.language) counts.set(audit.language, (counts.get(audit.language) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [lang, n] of counts) {
    if (n > bestCount) {
      best = lang;
      bestCount = n;
    }
  }
  return best;
}
