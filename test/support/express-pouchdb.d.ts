// express-pouchdb ships no types; the one call the test server makes.
declare module 'express-pouchdb' {
  import type { RequestHandler } from 'express';
  export default function expressPouchDb(
    PouchDB: unknown,
    options?: { mode?: 'fullCouchDB' | 'minimumForPouchDB' | 'custom'; inMemoryConfig?: boolean },
  ): RequestHandler;
}
