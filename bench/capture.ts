// The floor's requests are the gateway's own: a recording proxy sits between
// a capture gateway and the subgraphs, and each overview's subgraph calls are
// kept with their order (level 0 runs first; a call is on the level after the
// last call that had answered before it started).
import http from "node:http";
import { randomUUID } from "node:crypto";
import { SERVICE_NAMES, type ServiceName } from "../services/kit/catalog.ts";
import { HUB_EXTENSION, newNonce, signRequest, type HubExtension, type SignableRequest } from "../services/kit/auth/signing.ts";
import { post, problemOf } from "./http.ts";

export interface SubgraphCall {
  service: ServiceName;
  body: SignableRequest;
  headers: Record<string, string>;
}

/** One overview as the gateway fetched it: its subgraph calls by level. */
export interface FloorRequest {
  levels: SubgraphCall[][];
}

interface Recorded extends SubgraphCall {
  start: number;
  end: number;
}

const KEPT_HEADERS = ["content-type", "accept"];

export interface CaptureProxy {
  /** Where the capture gateway should send each subgraph's calls. */
  urls: Record<ServiceName, string>;
  /** Calls recorded since the last take, grouped by level. */
  take(): FloorRequest;
  close(): Promise<void>;
}

export async function startCaptureProxy(targets: Record<ServiceName, string>, firstPort: number): Promise<CaptureProxy> {
  let recorded: Recorded[] = [];
  const servers: http.Server[] = [];
  const urls = {} as Record<ServiceName, string>;
  let port = firstPort;
  for (const [service, target] of Object.entries(targets) as [ServiceName, string][]) {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const headers = Object.fromEntries(KEPT_HEADERS.flatMap((h) => (typeof req.headers[h] === "string" ? [[h, req.headers[h] as string]] : [])));
        const entry: Recorded = { service, body: JSON.parse(raw) as SignableRequest, headers, start: performance.now(), end: Infinity };
        recorded.push(entry);
        post(target, raw, headers).then(
          (answer) => {
            entry.end = performance.now();
            res.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body);
          },
          () => res.writeHead(502).end(),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    urls[service] = `http://127.0.0.1:${port}/graphql`;
    servers.push(server);
    port++;
  }
  return {
    urls,
    take() {
      const calls = recorded.sort((a, b) => a.start - b.start);
      recorded = [];
      const level = new Map<Recorded, number>();
      for (const call of calls) {
        const before = calls.filter((c) => c.end <= call.start).map((c) => level.get(c) ?? 0);
        level.set(call, before.length === 0 ? 0 : Math.max(...before) + 1);
      }
      const levels: SubgraphCall[][] = [];
      for (const call of calls) (levels[level.get(call)!] ??= []).push({ service: call.service, body: call.body, headers: call.headers });
      return { levels: levels.filter(Boolean) };
    },
    close: () => Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())))).then(() => undefined),
  };
}

/** Re-signs a captured call as the gateway would now: fresh request id, signing time and nonce, same target, claims and purpose. */
export function resign(call: SubgraphCall, requestId: string, secret: string): string {
  const hub = call.body.extensions?.[HUB_EXTENSION] as HubExtension;
  const extensions = { ...call.body.extensions, [HUB_EXTENSION]: { ...hub, requestId, issuedAt: Date.now(), nonce: newNonce() } };
  return JSON.stringify(signRequest({ ...call.body, extensions }, secret));
}

/** Sends one overview's calls straight to the subgraphs, level by level, each level in parallel. */
export async function sendFloor(request: FloorRequest, subgraphUrl: (s: ServiceName) => string, secret: string): Promise<string | null> {
  const requestId = randomUUID();
  for (const level of request.levels) {
    const answers = await Promise.all(level.map((call) => post(subgraphUrl(call.service), resign(call, requestId, secret), call.headers)));
    for (const [i, answer] of answers.entries()) {
      const problem = problemOf(answer);
      if (problem) return `${level[i]!.service} ${problem}`;
    }
  }
  return null;
}

/** Services by level when each appears once: the plan's shape. */
function shapeOf(request: FloorRequest): string {
  return JSON.stringify(request.levels.map((level) => level.map((c) => c.service).sort()));
}

/**
 * Levels come from timing, which a busy machine can disturb (a call answered
 * before its sibling started). The gateway's plan is the same for every
 * request, so requests are re-levelled by the most common shape.
 */
export function normalizeLevels(requests: FloorRequest[]): { requests: FloorRequest[]; relevelled: number } {
  const counts = new Map<string, number>();
  for (const r of requests) counts.set(shapeOf(r), (counts.get(shapeOf(r)) ?? 0) + 1);
  const [shape] = [...counts].sort((x, y) => y[1] - x[1])[0] ?? ["[]"];
  const levels = JSON.parse(shape) as ServiceName[][];
  const levelOf = new Map<ServiceName, number>();
  for (const [i, level] of levels.entries()) for (const s of level) levelOf.set(s, levelOf.has(s) ? -1 : i);
  let relevelled = 0;
  const out = requests.map((r) => {
    if (shapeOf(r) === shape) return r;
    const calls = r.levels.flat();
    if (calls.some((c) => (levelOf.get(c.service) ?? -1) < 0)) return r;
    relevelled++;
    const fixed: SubgraphCall[][] = levels.map(() => []);
    for (const c of calls) fixed[levelOf.get(c.service)!]!.push(c);
    return { levels: fixed.filter((l) => l.length > 0) };
  });
  return { requests: out, relevelled };
}

/** The critical path, e.g. "samhandling → registry+nav+barnevern+skole+helse+frivillighet". */
export function describePath(request: FloorRequest): string {
  const order = (s: ServiceName) => SERVICE_NAMES.indexOf(s);
  return request.levels.map((level) => level.map((c) => c.service).sort((x, y) => order(x) - order(y)).join("+")).join(" → ");
}
