// Serving test pages as an ad blocker would leave them: only 127.0.0.1 (and localhost, a second
// site for cross-site frames) answers; every other host name fails to resolve, so the browser shows
// its own error page in a third-party iframe, and nothing reaches the network.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Chromium flag: every host name but the loopback ones resolves to nothing. */
export const REFUSE_OTHER_HOSTS = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost';

export interface LocalServer {
  /** http://127.0.0.1:PORT */
  url: string;
  /** The same server under another site (http://localhost:PORT), for cross-site frames. */
  otherSiteUrl: string;
  port: number;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 at a free port. */
export async function serve(
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
): Promise<LocalServer> {
  const server: Server = createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    otherSiteUrl: `http://localhost:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A TCP port on 127.0.0.1 that nothing listens on (taken, then given back): connections are refused. */
export async function closedPort(): Promise<number> {
  const s = await serve(() => undefined);
  await s.close();
  return s.port;
}
