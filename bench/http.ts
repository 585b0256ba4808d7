// A small keep-alive HTTP client for the benchmark's own driver (latency at
// one connection, and the floor, which autocannon cannot express: two steps,
// the second fanned out to five subgraphs).
import http from "node:http";

const agents = new Map<string, http.Agent>();

function agentFor(url: URL): http.Agent {
  let agent = agents.get(url.host);
  if (!agent) {
    agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
    agents.set(url.host, agent);
  }
  return agent;
}

export interface PostResult {
  status: number;
  body: string;
}

export function post(url: string, body: string, headers: Record<string, string>): Promise<PostResult> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      target,
      { method: "POST", agent: agentFor(target), headers: { ...headers, "content-length": Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** A GraphQL answer is good when it is a 200 with data and no errors. */
export function isGood(result: PostResult): boolean {
  return result.status === 200 && !result.body.includes('"errors"') && result.body.includes('"data"');
}

export function closeAgents(): void {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}

/** The error codes of an answer and the services they came from (never its data or messages, which may name someone). */
export function errorCodes(result: PostResult): string {
  try {
    const body = JSON.parse(result.body) as { errors?: { extensions?: { code?: string; serviceName?: string } }[] };
    const counts = new Map<string, number>();
    for (const e of body.errors ?? []) {
      const key = `${e.extensions?.code ?? "no code"}${e.extensions?.serviceName ? ` from ${e.extensions.serviceName}` : ""}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return `${result.status} ${[...counts].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)).join(", ")}`;
  } catch {
    return `${result.status} (not JSON)`;
  }
}

/** null when the answer is good, else what was wrong with it (status and error codes). */
export function problemOf(result: PostResult): string | null {
  return isGood(result) ? null : errorCodes(result);
}

/** Ready when a GraphQL POST of `{ __typename }` answers 200 (the peer has no readiness endpoint). */
export function graphqlReady(url: string): () => Promise<boolean> {
  return async () => {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ __typename }"}' });
    return res.status === 200;
  };
}
