// The extension's PouchDB: the replica in IndexedDB (the idb adapter), the team's server over HTTP,
// and the replication protocol between them. Only these plugins are bundled (not pouchdb-browser's
// map/reduce, which the sync does not use).
import PouchDB from 'pouchdb-core';
import idbAdapter from 'pouchdb-adapter-idb';
import httpAdapter from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import type { PouchFactory, Replica } from './pouch-port.ts';

const Pouch = PouchDB.plugin(idbAdapter).plugin(httpAdapter).plugin(replication);

export const browserPouch: PouchFactory = (nameOrUrl, opts) => new Pouch<Replica>(nameOrUrl, opts ?? {});
