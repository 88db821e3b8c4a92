// PouchDB for Node, plugged once (plugins change the one PouchDB class): memory storage, HTTP, the
// replication protocol, and map/reduce (express-pouchdb needs it on the server's PouchDB).
import PouchDB from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import memoryAdapter from 'pouchdb-adapter-memory';
import mapReduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';

export const NodePouch = PouchDB.plugin(httpAdapter).plugin(memoryAdapter).plugin(mapReduce).plugin(replication);
