// A CouchDB-protocol server for tests: express-pouchdb over PouchDB's memory adapter, on 127.0.0.1
// and a random port (../shared/SYNC-TESTING.md). `minimumForPouchDB` has no users or security
// objects, so authentication and size answers (401, 403, 413) come from the small middleware in
// front of it, set per test with `fail`; `stop` and `start` take the server away and bring it back
// on the same port with the same data, as a team's CouchDB going down and up again would.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import express from 'express';
import expressPouchDb from 'express-pouchdb';
import { NodePouch } from './pouch-node.ts';
import type { Replica } from '../../src/sync/pouch-port.ts';

export interface Fault {
  status: 401 | 403 | 413;
  /** Which requests get the answer (default: every one). */
  when?: (method: string, path: string) => boolean;
}

export interface CouchServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The server's own PouchDB for a database, to look at (or plant) documents behind the protocol. */
  db(name: string): Replica;
  /** Answer matching requests with this status until cleared (`fail(null)`). */
  fail(fault: Fault | null): void;
  /** Every request seen (method and path), for checking what was sent. */
  requests: { method: string; path: string }[];
  /** Bytes on the wire so far (headers included): received from clients, sent to them. */
  traffic(): { received: number; sent: number };
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

let servers = 0;

const REASONS = { 401: 'unauthorized', 403: 'forbidden', 413: 'too_large' } as const;

export async function startCouchServer(): Promise<CouchServer> {
  // A prefix per server: the memory adapter's databases are global to the process.
  const Server = NodePouch.defaults({ adapter: 'memory', prefix: `couch${++servers}-${process.pid}-` });
  let fault: Fault | null = null;
  const requests: CouchServer['requests'] = [];
  const app = express();
  app.use((req, res, next) => {
    requests.push({ method: req.method, path: req.path });
    if (fault && (!fault.when || fault.when(req.method, req.path))) {
      res.status(fault.status).json({ error: REASONS[fault.status], reason: `test fault ${fault.status}` });
      return;
    }
    next();
  });
  app.use('/', expressPouchDb(Server, { mode: 'minimumForPouchDB', inMemoryConfig: true }));

  let http: Server | null = null;
  const sockets = new Set<Socket>();
  const closed = { received: 0, sent: 0 };
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const server = createServer(app);
      server.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => {
          sockets.delete(socket);
          closed.received += socket.bytesRead;
          closed.sent += socket.bytesWritten;
        });
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as AddressInfo).port;
        http = server;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      const server = http;
      http = null;
      if (!server) return resolve();
      // Cut open connections too: a stopped server answers nothing, mid-request included.
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  await listen();
  const opened = new Map<string, Replica>();
  return {
    url: `http://127.0.0.1:${port}`,
    db(name) {
      let db = opened.get(name);
      if (!db) opened.set(name, (db = new Server<Replica>(name)));
      return db;
    },
    fail(next) {
      fault = next;
    },
    requests,
    traffic() {
      let { received, sent } = closed;
      for (const socket of sockets) {
        received += socket.bytesRead;
        sent += socket.bytesWritten;
      }
      return { received, sent };
    },
    stop,
    start: listen,
    close: stop,
  };
}
