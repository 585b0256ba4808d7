// The import's one way in: the service's write API through the gateway, as
// the service's own machine client, by its trusted document's id (production
// runs only trusted documents). The same path as any journal system's, so the
// same guard, checks, transaction, access log and involvement signals apply.
// Failures that pass (the network, a restart, Retry-After) are tried again;
// a token that expires is fetched anew when the import fetched it itself.
import fs from "node:fs";
import path from "node:path";
import type { ViewService } from "../../../services/kit/catalog.ts";
import { ROOT_DIR } from "../../../services/kit/config.ts";
import { capitalised, writeMutation } from "../../../services/kit/writes/names.ts";

/** One record's answer, as the write API gives it. */
export interface RecordAnswer {
  index: number;
  outcome: "CREATED" | "UPDATED" | "UNCHANGED" | null;
  refusal: { code: string; message: string; field: string | null } | null;
}

export interface BatchAnswer {
  written: boolean;
  results: RecordAnswer[];
}

/** The import cannot go on: the message says why and what to do; the checkpoint keeps what is done. */
export class ImportStopped extends Error {}

const ATTEMPTS = 6;
/** Codes worth another try: the service, its log or its database were briefly away. */
const PASSING = new Set(["SERVICE_UNAVAILABLE", "ACCESS_LOG_UNAVAILABLE", "GATEWAY_TIMEOUT", "SHUTTING_DOWN", "INTERNAL_SERVER_ERROR", "RATE_LIMITED", "PERSISTED_DOCUMENTS_UNAVAILABLE"]);

/** The id of `service`'s write document in the trusted-documents manifest. */
export function writeDocumentId(service: ViewService): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, "gateway", "documents", "manifest.json"), "utf8")) as { operations: { id: string; name: string }[] };
  const name = capitalised(writeMutation(service));
  const found = manifest.operations.find((o) => o.name === name);
  if (!found) throw new Error(`gateway/documents/manifest.json has no ${name}: run npm run compose.`);
  return found.id;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class WriteClient {
  private token: Promise<string> | null = null;
  private readonly documentId: string;

  constructor(
    private readonly options: {
      service: ViewService;
      gatewayUrl: string;
      /** A fresh token (the same one, when it was given). */
      token: () => Promise<string>;
      /** Whether `token` can fetch a new one when the gateway refuses the old. */
      renewable: boolean;
    },
  ) {
    this.documentId = writeDocumentId(options.service);
  }

  async write(records: readonly Record<string, unknown>[], dryRun: boolean): Promise<BatchAnswer> {
    const field = writeMutation(this.options.service);
    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      this.token ??= this.options.token();
      let response: Response;
      try {
        response = await fetch(this.options.gatewayUrl, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", authorization: `Bearer ${await this.token}` },
          body: JSON.stringify({ documentId: this.documentId, variables: { records, dryRun } }),
        });
      } catch (error) {
        if (attempt >= ATTEMPTS) throw new ImportStopped(`The gateway at ${this.options.gatewayUrl} cannot be reached (${(error as Error).name}). Start it, then run the import again: it resumes.`);
        await pause(250 * 2 ** attempt);
        continue;
      }
      const body = (await response.json().catch(() => null)) as { data?: Record<string, BatchAnswer | null> | null; errors?: { message: string; extensions?: { code?: string } }[] } | null;
      const answer = body?.data?.[field];
      if (answer) return answer;
      const error = body?.errors?.[0];
      const code = error?.extensions?.code ?? `HTTP ${response.status}`;
      if (code === "UNAUTHENTICATED" && this.options.renewable && !renewed) {
        renewed = true;
        this.token = null;
        continue;
      }
      if ((PASSING.has(code) || response.status >= 500) && attempt < ATTEMPTS) {
        const retryAfter = Number(response.headers.get("retry-after"));
        await pause(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 250 * 2 ** attempt);
        continue;
      }
      throw new ImportStopped(`The write was refused (${code}): ${error?.message ?? "no answer"}`);
    }
  }
}
