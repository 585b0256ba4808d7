// docs/integration/README.md's worked examples, as a journal system sends
// them: each view service's call through the gateway by its trusted
// document's id, as that service's own machine client, answered exactly as
// the page shows; sent again, a call that was written answers every record
// UNCHANGED and one that was not answers the same. Every service in the
// catalog must have its example. The source keys and persons get this run's
// suffix (in the call and the expected answer alike), so the examples also
// hold against databases that have seen them before.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { VIEW_SERVICES, type ViewService } from "../../services/kit/catalog.ts";
import { ROOT_DIR } from "../../services/kit/config.ts";
import { writeDocumentId } from "../../scripts/lib/import/client.ts";
import { writeMutation } from "../../services/kit/writes/names.ts";
import { asMachine } from "../support/machines.ts";

const PAGE = "docs/integration/README.md";
const page = fs.readFileSync(path.join(ROOT_DIR, PAGE), "utf8");
const RUN = Date.now().toString(36);

/** The JSON block under `<!-- example <service>: <part> -->`. */
function example(service: ViewService, part: "request" | "answer"): unknown {
  const found = new RegExp(`<!-- example ${service}: ${part} -->\\n\`\`\`json\\n([\\s\\S]*?)\`\`\``).exec(page);
  if (!found) throw new Error(`${PAGE} has no ${part} of ${service}'s worked example (<!-- example ${service}: ${part} --> and a json block).`);
  return JSON.parse(found[1]!);
}

/** The value with every sourceId and personId made this run's own. */
function ofThisRun(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ofThisRun);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, (key === "sourceId" || key === "personId") && typeof v === "string" ? `${v}-${RUN}` : ofThisRun(v)]),
  );
}

interface Batch {
  written: boolean;
  results: { outcome: string | null }[];
}

async function send(service: ViewService, variables: unknown): Promise<{ status: number; body: { data?: Record<string, Batch>; errors?: unknown } }> {
  const response = await fetch(inject("gatewayUrl"), {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", ...(await asMachine(service)) },
    body: JSON.stringify({ documentId: writeDocumentId(service), variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: Record<string, Batch>; errors?: unknown } };
}

describe(`${PAGE}: the worked examples`, () => {
  it.each(VIEW_SERVICES.map((s) => [s]))("%s: the call is answered exactly as shown, and the same call again changes nothing", async (service) => {
    const request = ofThisRun(example(service, "request"));
    const answer = ofThisRun(example(service, "answer"));

    const first = await send(service, request);
    expect(first.status).toBe(200);
    expect(first.body).toEqual(answer);

    const again = await send(service, request);
    const batch = again.body.data?.[writeMutation(service)];
    expect(again.body.errors).toBeUndefined();
    if (first.body.data![writeMutation(service)]!.written) {
      expect(batch!.written).toBe(true);
      expect(batch!.results.map((r) => r.outcome)).toEqual(batch!.results.map(() => "UNCHANGED"));
    } else {
      expect(again.body).toEqual(answer);
    }
  });
});
