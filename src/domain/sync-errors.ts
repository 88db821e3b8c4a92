// Why sharing with a team's CouchDB did not go through: typed codes, worded by src/i18n/errors.ts.
// Each names what the auditor can do about it (check the password, ask for access, the server's
// size limit, the network), so the raw HTTP status never reaches the panel.
export type SyncProblem =
  /** Only https:// addresses, except a server on this machine (localhost, 127.0.0.1). */
  | { code: 'sync-not-https'; url: string }
  | { code: 'sync-bad-url'; url: string }
  /** The database name CouchDB accepts: lower-case letter first, then a-z 0-9 _$()+-/ */
  | { code: 'sync-bad-database'; name: string }
  | { code: 'sync-permission-refused'; origin: string }
  | { code: 'sync-not-connected' }
  /** Firefox: the person withdrew the data collection a share needs (about:addons, Permissions). */
  | { code: 'sync-consent-withdrawn' }
  /** 401: the user name or password was not accepted. */
  | { code: 'sync-unauthorized' }
  /** 403: the user may not read or write this database. */
  | { code: 'sync-forbidden' }
  /** 413: a document (most often its screenshots) is larger than the server takes. */
  | { code: 'sync-too-large' }
  /** No answer: offline, the server down, or a wrong address. */
  | { code: 'sync-unreachable' }
  | { code: 'sync-failed'; detail: string };

export type SyncErrorCode = SyncProblem['code'];

/** CouchDB's rule for database names. */
export const COUCH_DB_NAME = /^[a-z][a-z0-9_$()+/-]{0,237}$/;
