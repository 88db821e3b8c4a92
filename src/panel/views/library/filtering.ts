// The library's search and filters as data, and the pure test of an audit against them.
import type { Audit } from '../../../domain/model.ts';

export interface LibraryFilters {
  query: string;
  site: string;
  auditor: string;
  /** "" any, else "<id>" (any version). */
  template: string;
  /** Local dates, yyyy-mm-dd, inclusive; "" for open. */
  from: string;
  to: string;
  complete: '' | 'complete' | 'incomplete';
}

export const NO_FILTERS: LibraryFilters = {
  query: '',
  site: '',
  auditor: '',
  template: '',
  from: '',
  to: '',
  complete: '',
};

/** The audit's day in the viewer's time zone (yyyy-mm-dd): started, else created. */
export function auditDay(audit: Audit): string {
  const d = new Date(audit.startedAt ?? audit.createdAt);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Pure: does an audit pass the search and filters? `isComplete` is needed only for that filter. */
export function matches(audit: Audit, f: LibraryFilters, isComplete?: boolean): boolean {
  const q = f.query.trim().toLocaleLowerCase();
  if (q && ![audit.site, audit.scenario, audit.auditor].some((s) => s.toLocaleLowerCase().includes(q))) return false;
  if (f.site && audit.site !== f.site) return false;
  if (f.auditor && audit.auditor !== f.auditor) return false;
  if (f.template && audit.templateId !== f.template) return false;
  const day = auditDay(audit);
  if (f.from && day < f.from) return false;
  if (f.to && day > f.to) return false;
  if (f.complete && isComplete === undefined) return false;
  if (f.complete === 'complete' && !isComplete) return false;
  if (f.complete === 'incomplete' && isComplete) return false;
  return true;
}

/** Each value once, in the viewer's alphabetical order (a filter's choices). */
export const distinct = (values: string[]): string[] => [...new Set(values)].sort((a, b) => a.localeCompare(b));
