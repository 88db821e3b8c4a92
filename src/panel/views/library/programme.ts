// The programme view (a colleague's page, src/report/programme/): all audits of a programme together.

/** The programme page; without an id it shows the first programme by name. */
export const PROGRAMME_PAGE_PATH = 'src/report/programme/programme.html';

/** The library offers the programme view once some audit belongs to a programme. */
export const hasProgrammes = (audits: readonly { programme?: unknown }[]): boolean =>
  audits.some((a) => a.programme !== undefined && a.programme !== null);
