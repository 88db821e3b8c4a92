// The part of PouchDB's API the sync uses, typed here: the extension passes the real PouchDB (IndexedDB
// adapter, pouch.ts), the tests the same core over the memory adapter. Narrow on purpose: every call
// below is one the CouchDB replication protocol or PouchDB documents.

export interface PouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [field: string]: unknown;
}

export interface ReplicationResult {
  ok: boolean;
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
  errors: unknown[];
}

export interface ReplicateOptions {
  batch_size?: number;
  batches_limit?: number;
}

export interface AllDocsRow {
  id: string;
  key: string;
  value: { rev: string; deleted?: boolean };
  doc?: PouchDoc | null;
}

export interface Replica {
  get(id: string, opts?: { rev?: string; conflicts?: boolean; attachments?: boolean }): Promise<PouchDoc>;
  put(doc: PouchDoc): Promise<{ ok: boolean; id: string; rev: string }>;
  remove(id: string, rev: string): Promise<unknown>;
  allDocs(opts: {
    startkey?: string;
    endkey?: string;
    include_docs?: boolean;
    conflicts?: boolean;
    attachments?: boolean;
  }): Promise<{ rows: AllDocsRow[] }>;
  changes(opts: {
    since: number | string;
    limit?: number;
    return_docs?: boolean;
  }): Promise<{ results: { id: string; seq: number | string }[]; last_seq: number | string }>;
  replicate: {
    to(target: Replica, opts?: ReplicateOptions): PromiseLike<ReplicationResult>;
    from(source: Replica, opts?: ReplicateOptions): PromiseLike<ReplicationResult>;
  };
  close(): Promise<void>;
}

export interface PouchOptions {
  auth?: { username: string; password: string };
}

/** Opens a database: a local name (the replica) or a server URL (the team's CouchDB). */
export type PouchFactory = (nameOrUrl: string, opts?: PouchOptions) => Replica;

export const isNotFound = (error: unknown): boolean => (error as { status?: unknown } | null)?.status === 404;
