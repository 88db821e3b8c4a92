// Stage suggestion for new steps; replaced by the template-driven suggester once templates land.
import type { Audit } from '../domain/model.ts';

export function suggestStageFor(_audit: Audit, _url: string, _title: string, _previous: string | null): string | null {
  return null;
}
