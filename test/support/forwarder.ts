// A round-robin TCP forwarder in front of one service's instances, doing what
// a Kubernetes Service does for its pods: each new connection goes to the
// next instance, and an instance that refuses the connection (its process is
// gone) is passed over for the next, as a failed readiness probe takes a pod
// out of the Service. Nothing has reached an instance that refused, so trying
// the next one hides nothing.
//
// Once connected it only copies bytes. A connection that breaks after it
// reached an instance is broken for the client too (reset, as the instance's
// end was), and nothing is sent again: a request lost with a killed instance
// must show as lost, not be retried out of sight.
import net from "node:net";

export interface Forwarder {
  port: number;
  /** Connections handed to each target so far, in the order the targets were given. */
  connections(): number[];
  close(): Promise<void>;
}

export async function startForwarder(port: number, targets: readonly number[]): Promise<Forwarder> {
  const counts = targets.map(() => 0);
  const open = new Set<net.Socket>();
  let next = 0;

  const track = (socket: net.Socket) => {
    open.add(socket);
    socket.once("close", () => open.delete(socket));
  };

  /** Connects `client` to the next target that accepts, passing over `tried` refusals; no target: the client is reset. */
  const connect = (client: net.Socket, tried: number) => {
    if (tried >= targets.length || client.destroyed) return void client.resetAndDestroy();
    const index = next++ % targets.length;
    const upstream = net.connect({ port: targets[index]!, host: "127.0.0.1" });
    track(upstream);
    const refused = () => connect(client, tried + 1);
    upstream.once("error", refused);
    upstream.once("connect", () => {
      upstream.off("error", refused);
      if (client.destroyed) return void upstream.destroy();
      counts[index]! += 1;
      // Either end breaking breaks the other the same way: a reset stays a reset, a close a close.
      upstream.on("error", () => client.resetAndDestroy());
      client.on("error", () => upstream.resetAndDestroy());
      client.pipe(upstream);
      upstream.pipe(client);
      // Paused since it was accepted: its bytes waited in the kernel until an instance took the connection.
      client.resume();
    });
  };

  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    track(client);
    // A client gone while its connection was being made: nothing to pass on (the handler set on connecting resets the instance's end).
    client.on("error", () => undefined);
    connect(client, 0);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    port,
    connections: () => [...counts],
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
