// Where the programme tab lives, for the library's "Programme view" action:
//   programme.html[?programme=<id>]; without an id the page shows the first programme.
export const PROGRAMME_PAGE = 'src/report/programme/programme.html';

export const programmePagePath = (programmeId?: string): string =>
  programmeId ? `${PROGRAMME_PAGE}?programme=${encodeURIComponent(programmeId)}` : PROGRAMME_PAGE;
