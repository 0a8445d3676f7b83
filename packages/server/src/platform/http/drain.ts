import http from 'node:http';
import net from 'node:net';

/**
 * How long a connection with no request in progress is left open once draining starts, for a request the client
 * has already sent (still on the wire, or a fresh connection whose first request has not arrived yet).
 */
export const DRAIN_IDLE_GRACE_MS = 1_000;

/** One full turn of the event loop, poll phase included: what the kernel already holds gets read or accepted. */
const loopTurn = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

/** Bounds the accept-queue drain when connections keep arriving after the signal. */
const MAX_ACCEPT_DRAIN_MS = 5_000;

export interface HttpDrainer {
  /** True from `beginDraining()` on. */
  readonly draining: boolean;
  /** From now on every response carries `Connection: close`, so keep-alive clients move on after their last answer. */
  beginDraining(): void;
  /** Takes the connections already waiting in the accept queue, then closes the listener. */
  stopAccepting(): Promise<void>;
  /**
   * After `stopAccepting()`: answers every request already received, closes connections that stay idle for the grace
   * period, and resolves once no connection is left. Upgraded (WebSocket) connections are the WebSocket server's to
   * close; this waits for them too.
   */
  connectionsClosed(): Promise<void>;
}

/**
 * Graceful shutdown for an `http.Server`. Neither `server.close()` nor Apollo's drain plugin is used: both close idle
 * keep-alive sockets at once, and an "idle" socket may hold a request the client already sent that the server has not
 * read yet — the client gets ECONNRESET for it. Here an idle socket gets `DRAIN_IDLE_GRACE_MS` (plus one turn of the
 * event loop, so bytes already in the kernel are read first) before Node's own idle check closes it; a request that
 * started arriving is never cut.
 */
export function httpDrainer(server: http.Server, idleGraceMs = DRAIN_IDLE_GRACE_MS): HttpDrainer {
  const inFlight = new Set<http.ServerResponse>();
  let draining = false;
  /** Responses carry `Connection: close`: from `beginDraining()` on, except while the accept queue drains. */
  let closing = false;
  let accepted = 0;
  let allClosed: Promise<void> | undefined;

  server.on('connection', () => accepted++);
  // Before the application's own listener, which may answer synchronously.
  server.prependListener('request', (_req, res: http.ServerResponse) => {
    if (closing) res.setHeader('connection', 'close');
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
  });

  const closeConnections = (close: boolean) => {
    closing = close;
    for (const res of inFlight) {
      if (res.headersSent) continue;
      if (close) res.setHeader('connection', 'close');
      else res.removeHeader('connection');
    }
  };

  const beginDraining = () => {
    if (draining) return;
    draining = true;
    closeConnections(true);
  };

  return {
    get draining() {
      return draining;
    },
    beginDraining,
    async stopAccepting() {
      beginDraining();
      // Connections whose handshake completed before now sit in the accept queue with their request sent; closing
      // the listening socket would reset them. libuv accepts one connection per loop iteration (libuv#3696), so turn
      // the loop until a turn accepts nothing: the queue is empty. Meanwhile answers keep their connections open: a
      // client that pools connections (a reverse proxy such as nginx) then reuses them instead of opening new ones
      // that could land in the queue as it closes (a proxy retries a POST on a refused connection, never on a reset).
      closeConnections(false);
      const until = Date.now() + MAX_ACCEPT_DRAIN_MS;
      for (let before = -1; before !== accepted && Date.now() < until; ) {
        before = accepted;
        await loopTurn();
      }
      // net's close, not http's: http.Server#close() destroys idle connections immediately (see above). Its callback
      // runs once every connection, WebSocket ones included, has closed.
      allClosed = new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
      closeConnections(true);
    },
    async connectionsClosed() {
      if (!allClosed) throw new Error('connectionsClosed() before stopAccepting()');
      // Node's idle check skips connections with a request in progress, even one only partly received. Connections
      // that finish a response from now on close by themselves (`Connection: close`).
      const sweep = setInterval(() => setImmediate(() => server.closeIdleConnections()), idleGraceMs);
      try {
        await allClosed;
      } finally {
        clearInterval(sweep);
      }
      // Clears http.Server's request-timeout timer; the listener is already closed.
      http.Server.prototype.close.call(server, () => undefined);
    },
  };
}

