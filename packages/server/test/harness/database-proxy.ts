// A TCP proxy in front of the test PostgreSQL server that a test can take down and bring back: what the platform
// sees of a database restart (connections cut, new ones refused) without touching the shared server.
import net from 'node:net';

export interface DatabaseProxy {
  /** the database URL rewritten to go through the proxy */
  url: string;
  /** cuts every open connection and refuses new ones until up() */
  down(): void;
  up(): void;
  close(): Promise<void>;
}

export async function startDatabaseProxy(
  databaseUrl: string,
  options: { startDown?: boolean } = {},
): Promise<DatabaseProxy> {
  const target = new URL(databaseUrl);
  const sockets = new Set<net.Socket>();
  let accepting = !options.startDown;
  const server = net.createServer((client) => {
    if (!accepting) {
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxied = new URL(databaseUrl);
  proxied.hostname = '127.0.0.1';
  proxied.port = String((server.address() as net.AddressInfo).port);
  return {
    url: proxied.toString(),
    down() {
      accepting = false;
      for (const socket of sockets) socket.destroy();
    },
    up() {
      accepting = true;
    },
    close() {
      accepting = false;
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
