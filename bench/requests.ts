// The measured requests, from the same deterministic generator the subgraphs
// seed with: open cases where the whole family (every member) is a subject,
// each with every active employee member as the actor.
import fs from "node:fs";
import path from "node:path";
import type { ActorService, HubClaims } from "../services/kit/auth/caller.ts";
import { ROOT_DIR } from "../services/kit/config.ts";
import { syntheticWorld } from "../demo/synthetic.ts";

/** The case overview (docs/coordination.md), as the gateway's trusted document holds it. */
const CASE_OVERVIEW = fs.readFileSync(path.join(ROOT_DIR, "gateway", "documents", "CaseOverview.graphql"), "utf8");

export interface OverviewDocument {
  /** The trusted document's id (production gateways run only those); null without a manifest entry. */
  id: string | null;
  query: string;
}

/** CaseOverview from the gateway's trusted-documents manifest, else its document's text. */
export function overviewDocument(): OverviewDocument {
  const file = path.join(ROOT_DIR, "gateway", "documents", "manifest.json");
  if (fs.existsSync(file)) {
    const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { operations?: { id: string; name: string; body: string }[] };
    const op = manifest.operations?.find((o) => o.name === "CaseOverview");
    if (op) return { id: op.id, query: op.body };
  }
  return { id: null, query: CASE_OVERVIEW };
}

export interface OverviewRequest {
  caseId: string;
  claims: HubClaims;
  subjects: number;
}

/** Requests for cases whose family has `size` persons, all of them subjects. */
export function overviewRequests(families: number, seed: number, size: number): OverviewRequest[] {
  const world = syntheticWorld({ families, seed });
  const familySize = new Map<string, number>();
  for (const m of world.registry.familyMember) familySize.set(m.familyId, (familySize.get(m.familyId) ?? 0) + 1);
  const subjects = new Map<string, number>();
  for (const s of world.samhandling.caseSubject) subjects.set(s.caseId, (subjects.get(s.caseId) ?? 0) + 1);
  const cases = new Set(
    world.samhandling.coordinationCase
      .filter((c) => c.status === "OPEN" && c.familyId && familySize.get(c.familyId) === size && subjects.get(c.id) === size)
      .map((c) => c.id),
  );
  const out: OverviewRequest[] = [];
  for (const m of world.samhandling.caseMember) {
    if (!cases.has(m.caseId) || !m.actorId || m.leftAt) continue;
    const service = m.service.toLowerCase() as ActorService;
    out.push({ caseId: m.caseId, subjects: size, claims: { sub: m.actorId, name: m.displayName, service, roles: ["caseworker"] } });
  }
  return out;
}

/** Spreads requests so that consecutive ones are different cases (no in-flight merging to flatter anyone). */
export function interleave<T extends { caseId: string }>(requests: T[]): T[] {
  const byCase = new Map<string, T[]>();
  for (const r of requests) byCase.set(r.caseId, [...(byCase.get(r.caseId) ?? []), r]);
  const queues = [...byCase.values()];
  const out: T[] = [];
  for (let round = 0; out.length < requests.length; round++) for (const q of queues) if (q[round]) out.push(q[round]);
  return out;
}
