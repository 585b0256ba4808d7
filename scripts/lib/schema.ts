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

/** Composes subgraphs (their SDL and where they answer) into a supergraph and the public schema; throws naming every composition error. */
export function composeSubgraphs(subgraphs: readonly { name: string; sdl: string; url: string }[]): { supergraph: string; publicSchema: string } {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, typeDefs: parse(s.sdl), url: s.url })));
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join("\n")}`);
  }
  return { supergraph: result.supergraphSdl.trimEnd() + "\n", publicSchema: result.publicSdl.trimEnd() + "\n" };
}

export async function composeSchemas(): Promise<ComposedSchemas> {
  const sdls = await Promise.all(SERVICE_NAMES.map(async (service) => [service, await printSubgraphSdl(service)] as const));
  const composed = composeSubgraphs(sdls.map(([service, sdl]) => ({ name: service, sdl, url: `http://127.0.0.1:${subgraphPort(service)}/graphql` })));
  const files: Record<string, string> = {};
  for (const [service, sdl] of sdls) files[`${service}.graphql`] = sdl;
  files["supergraph.graphql"] = composed.supergraph;
  files["public.graphql"] = composed.publicSchema;
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
