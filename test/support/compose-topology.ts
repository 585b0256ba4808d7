// The environment docker-compose.yml gives its processes, for running the same
// topology as local processes: every subgraph's and the gateway's
// `environment:` from the file, with the compose variables filled in by the
// test, the container host names (registry:4101, postgres:5432, redis:6379)
// pointed at local ports, and everything bound to 127.0.0.1. One environment
// for all processes: keys that differ between containers other than PORT
// (which follows from GATEWAY_PORT here) are refused, so a change to the file
// that this cannot express fails loudly instead of being ignored.
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { isServiceName, SERVICE_NAMES, subgraphPort } from "../../services/kit/catalog.ts";
import { ROOT_DIR } from "../../services/kit/config.ts";

interface ComposeFile {
  services: Record<string, { environment?: Record<string, string | number | boolean>; volumes?: string[] }>;
}

export interface LocalInfrastructure {
  gatewayPort: number;
  postgresPort: number;
  redisUrl: string;
  /** Values for the file's ${VARIABLE} references (unset ones take the file's default or are refused). */
  variables: Record<string, string>;
}

/** The databases deploy/postgres-init.sql creates (what the compose PostgreSQL starts with). */
export function composeDatabases(): string[] {
  const sql = fs.readFileSync(path.join(ROOT_DIR, "deploy", "postgres-init.sql"), "utf8");
  return [...sql.matchAll(/create database (\w+)/gi)].map((m) => m[1]!);
}

function substitute(value: string, variables: Record<string, string>, where: string): string {
  return value.replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_, name: string, op: string | undefined, rest: string | undefined) => {
    const given = variables[name];
    if (given !== undefined && given !== "") return given;
    if (op === "-") return rest ?? "";
    throw new Error(`${where}: docker-compose.yml needs \${${name}}${op === "?" ? ` (${rest})` : ""}; give it in LocalInfrastructure.variables`);
  });
}

/** A container's mounted files: its path inside → the host file the compose variables name. */
function mounts(volumes: readonly string[] | undefined, variables: Record<string, string>, where: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const volume of volumes ?? []) {
    const [source, target] = substitute(volume, variables, `${where}.volumes`).split(":");
    if (!source || !target || !source.startsWith("/")) throw new Error(`${where}: docker-compose.yml mounts "${volume}", which a local process cannot express (give an absolute host path)`);
    out.set(target, source);
  }
  return out;
}

function localise(value: string, infra: LocalInfrastructure): string {
  return value
    .replace(/http:\/\/([a-z]+):\d+\/graphql/g, (whole, host: string) => (isServiceName(host) ? `http://127.0.0.1:${subgraphPort(host, infra.gatewayPort)}/graphql` : whole))
    .replace(/@postgres:5432\//g, `@127.0.0.1:${infra.postgresPort}/`)
    .replace(/^redis:\/\/redis:6379/, infra.redisUrl);
}

export function composeEnvironment(infra: LocalInfrastructure): NodeJS.ProcessEnv {
  const compose = parse(fs.readFileSync(path.join(ROOT_DIR, "docker-compose.yml"), "utf8"), { merge: true }) as ComposeFile;
  const env: NodeJS.ProcessEnv = {};
  for (const name of [...SERVICE_NAMES, "gateway"]) {
    const environment = compose.services[name]?.environment;
    if (!environment) throw new Error(`docker-compose.yml has no environment for ${name}`);
    const files = mounts(compose.services[name]?.volumes, infra.variables, name);
    for (const [key, raw] of Object.entries(environment)) {
      if (key === "PORT" || key === "GATEWAY_PORT") continue;
      let value = localise(substitute(String(raw), infra.variables, `${name}.${key}`), infra);
      // A path inside the container that a volume fills: the host file itself.
      value = files.get(value) ?? value;
      // Containers listen on every interface; here nothing may listen beyond loopback.
      if (key === "HOST" || key === "GATEWAY_HOST") value = "127.0.0.1";
      if (env[key] !== undefined && env[key] !== value) throw new Error(`docker-compose.yml gives ${key} different values in different containers (${name}); one local environment cannot hold both`);
      env[key] = value;
    }
  }
  return env;
}
