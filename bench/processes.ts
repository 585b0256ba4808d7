// Extra processes the benchmark starts beside the federations: the capture
// gateway and the peer. Tied to this process by an IPC channel.
import { spawn, type ChildProcess } from "node:child_process";
import { ROOT_DIR } from "../services/kit/config.ts";

export interface Spawned {
  pid: number;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(ready: () => Promise<boolean>, child: ChildProcess, name: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} while starting; see the benchmark log.`);
    if (await ready().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`${name} was not ready within ${timeoutMs} ms.`);
}

export async function spawnNode(name: string, entry: string, env: NodeJS.ProcessEnv, logFd: number, ready: () => Promise<boolean>): Promise<Spawned> {
  const child = spawn(process.execPath, ["--import", "tsx", entry], { cwd: ROOT_DIR, env: { ...process.env, ...env }, stdio: ["ignore", logFd, logFd, "ipc"] });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    await Promise.race([gone, sleep(15_000).then(() => child.kill("SIGKILL"))]);
    await gone;
  };
  try {
    await waitFor(ready, child, name);
  } catch (error) {
    await stop();
    throw error;
  }
  return { pid: child.pid!, stop };
}

/** Ready when a GraphQL POST of `{ __typename }` answers 200. */
export function graphqlReady(url: string): () => Promise<boolean> {
  return async () => {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ __typename }"}' });
    return res.status === 200;
  };
}
