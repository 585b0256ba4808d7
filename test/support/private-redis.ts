// A redis-server of a suite's own on 127.0.0.1, so the suite may kill it
// (SIGKILL) and start it again without touching anyone else's Redis.
import { spawn, type ChildProcess } from "node:child_process";
import { Redis } from "ioredis";

export interface PrivateRedis {
  url: string;
  start(): Promise<void>;
  kill(): Promise<void>;
}

/** Whether redis-server is installed here (CI installs it, .ci/run). */
export const hasRedisServer: Promise<boolean> = new Promise((resolve) => {
  const probe = spawn("redis-server", ["--version"], { stdio: "ignore" });
  probe.once("error", () => resolve(false));
  probe.once("exit", (code) => resolve(code === 0));
});

export async function startPrivateRedis(port: number): Promise<PrivateRedis> {
  const url = `redis://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;
  const start = async () => {
    server = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on("error", () => undefined); // refused until the server listens
    const deadline = Date.now() + 10_000;
    try {
      while (Date.now() < deadline) {
        try {
          if (client.status !== "ready") await client.connect();
          if ((await client.ping()) === "PONG") return;
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    } finally {
      client.disconnect();
    }
    throw new Error(`redis-server did not start on ${port}`);
  };
  const kill = async () => {
    const child = server;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await gone;
  };
  await start();
  return { url, start, kill };
}
