// Prints each subgraph's SDL (each in its own process: type-graphql keeps
// global metadata, and every service names its own Person) and composes them.
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "graphql";
import { composeServices } from "@theguild/federation-composition";
import { SERVICE_NAMES, subgraphPort, type ServiceName } from "../../services/kit/catalog.ts";
import { ROOT_DIR } from "../../services/kit/config.ts";
import { childEnv } from "../config.ts";

const run = promisify(execFile);
export const SCHEMA_DIR = path.join(ROOT_DIR, "schema");

export async function printSubgraphSdl(service: ServiceName): Promise<string> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", path.join(ROOT_DIR, "services", service, "index.ts"), "--print-sdl"], {
    cwd: ROOT_DIR,
    env: childEnv({ LOG_LEVEL: "error" }),
    maxBuffer: 10 * 1024 * 1024,
  });
  return stdout.trimEnd() + "\n";
}

export interface ComposedSchemas {
  /** File name under schema/ → contents. */
  files: Record<string, string>;
}

export async function composeSchemas(): Promise<ComposedSchemas> {
  const sdls = await Promise.all(SERVICE_NAMES.map(async (service) => [service, await printSubgraphSdl(service)] as const));
  const result = composeServices(
    sdls.map(([service, sdl]) => ({ name: service, typeDefs: parse(sdl), url: `http://127.0.0.1:${subgraphPort(service)}/graphql` })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join("\n")}`);
  }
  const files: Record<string, string> = {};
  for (const [service, sdl] of sdls) files[`${service}.graphql`] = sdl;
  files["supergraph.graphql"] = result.supergraphSdl.trimEnd() + "\n";
  files["public.graphql"] = result.publicSdl.trimEnd() + "\n";
  return { files };
}

/** Names of files under schema/ whose committed contents differ from a fresh composition. */
export async function staleSchemaFiles(composed: ComposedSchemas): Promise<string[]> {
  const stale: string[] = [];
  for (const [name, contents] of Object.entries(composed.files)) {
    const committed = await fs.readFile(path.join(SCHEMA_DIR, name), "utf8").catch(() => null);
    if (committed !== contents) stale.push(name);
  }
  return stale;
}
