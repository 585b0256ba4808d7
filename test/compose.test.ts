// docker-compose.yml against the one service list (services/kit/catalog.ts):
// a container per subgraph on its catalog port, every process able to reach
// every subgraph, health checks on readiness, production mode, and secrets
// only from the environment. No Docker engine is needed: the file is parsed.
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { DEFAULT_GATEWAY_PORT, SERVICE_NAMES, subgraphPort } from "../services/kit/catalog.ts";
import { ROOT_DIR } from "../services/kit/config.ts";

interface ComposeService {
  build?: string;
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  expose?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
  volumes?: string[];
}

const compose = parse(fs.readFileSync(path.join(ROOT_DIR, "docker-compose.yml"), "utf8"), { merge: true }) as { services: Record<string, ComposeService> };
const services = compose.services;
const appProcesses = [...SERVICE_NAMES, "gateway"] as const;
const upper = (s: string) => s.toUpperCase();
const seconds = (duration: string | undefined) => Number(/^(\d+)s$/.exec(duration ?? "")?.[1] ?? 0);

describe("docker-compose.yml", () => {
  it("has exactly PostgreSQL, Redis, one container per subgraph in the catalog, and the gateway", () => {
    expect(Object.keys(services).sort()).toEqual(["postgres", "redis", "gateway", ...SERVICE_NAMES].sort());
    for (const infra of ["postgres", "redis"]) expect(services[infra].healthcheck?.test.length, infra).toBeGreaterThan(0);
  });

  it.each(SERVICE_NAMES.map((s) => [s]))("runs %s on its catalog port, on its own PostgreSQL database, checked by readiness", (service) => {
    const def = services[service];
    const port = String(subgraphPort(service));
    expect(def.command?.join(" ")).toContain(`services/${service}/index.ts`);
    expect(def.environment?.PORT).toBe(port);
    expect(def.environment?.HOST).toBe("0.0.0.0");
    expect(def.expose).toContain(port);
    expect(def.ports ?? []).toEqual([]); // only the gateway is published
    expect(def.environment?.[`DATABASE_URL_${upper(service)}`]).toMatch(new RegExp(`^postgres://hub:\\$\\{POSTGRES_PASSWORD\\}@postgres:5432/hub_${service}$`));
    expect(def.healthcheck?.test.join(" ")).toContain(`http://127.0.0.1:${port}/readyz`);
    expect(def.depends_on).toMatchObject({ postgres: { condition: "service_healthy" }, redis: { condition: "service_healthy" } });
  });

  it("creates every subgraph's database on first start", () => {
    const sql = fs.readFileSync(path.join(ROOT_DIR, "deploy/postgres-init.sql"), "utf8");
    for (const service of SERVICE_NAMES) expect(sql).toMatch(new RegExp(`create database hub_${service};`));
  });

  it("publishes the gateway on the default port, after every subgraph is healthy, checked by readiness", () => {
    const gateway = services.gateway;
    expect(gateway.command?.join(" ")).toContain("gateway/index.ts");
    expect(gateway.environment?.GATEWAY_PORT).toBe(String(DEFAULT_GATEWAY_PORT));
    expect(gateway.ports).toEqual([`${DEFAULT_GATEWAY_PORT}:${DEFAULT_GATEWAY_PORT}`]);
    expect(gateway.healthcheck?.test.join(" ")).toContain(`http://127.0.0.1:${DEFAULT_GATEWAY_PORT}/readiness`);
    expect(Object.keys(gateway.depends_on ?? {}).sort()).toEqual([...SERVICE_NAMES].sort());
    for (const service of SERVICE_NAMES) expect(gateway.depends_on?.[service]).toEqual({ condition: "service_healthy" });
  });

  it.each(appProcesses.map((p) => [p]))("lets %s reach every subgraph by its container name and catalog port", (name) => {
    for (const service of SERVICE_NAMES) {
      expect(services[name].environment?.[`SUBGRAPH_URL_${upper(service)}`], service).toBe(`http://${service}:${subgraphPort(service)}/graphql`);
    }
  });

  it.each(appProcesses.map((p) => [p]))("runs %s in production mode with its secrets from the environment and the shared Redis", (name) => {
    const env = services[name].environment ?? {};
    expect(env.NODE_ENV).toBe("production");
    expect(env.HUB_SIGNING_SECRET).toMatch(/^\$\{HUB_SIGNING_SECRET:\?/);
    // The subgraphs' own hop has a key of its own, which the gateway never holds.
    if (name === "gateway") expect(env.HUB_INTERNAL_SIGNING_SECRET).toBeUndefined();
    else expect(env.HUB_INTERNAL_SIGNING_SECRET).toMatch(/^\$\{HUB_INTERNAL_SIGNING_SECRET:\?/);
    expect(env.REDIS_URL).toBe("redis://redis:6379");
    // Docker's SIGKILL must not cut a graceful drain short.
    expect(seconds(services[name].stop_grace_period) * 1000).toBeGreaterThan(Number(env.SHUTDOWN_TIMEOUT_MS));
  });

  it("trusts the identity providers of a mapping file the operator gives, never a development key", () => {
    const gateway = services.gateway;
    const target = gateway.environment?.IDENTITY_MAPPING_PATH;
    expect(target).toMatch(/^\/etc\//);
    expect(gateway.volumes).toEqual([expect.stringMatching(new RegExp(`^\\$\\{IDENTITY_MAPPING_FILE:\\?[^}]+\\}:${target}:ro$`))]);
    for (const name of Object.keys(services)) {
      for (const key of Object.keys(services[name].environment ?? {})) expect(key, name).not.toMatch(/^(HUB_JWT_SECRET|OIDC_|IDENTITY_ISSUER)/);
    }
  });

  it("holds no secret in the file itself", () => {
    for (const [name, def] of Object.entries(services)) {
      for (const [key, value] of Object.entries(def.environment ?? {})) {
        if (/PASSWORD|SECRET|TOKEN|KEY/.test(key)) expect(value, `${name}.${key}`).toMatch(/^\$\{[A-Z_]+(:\?[^}]*)?\}$/);
        expect(String(value), `${name}.${key}`).not.toMatch(/postgres:\/\/[^:]+:(?!\$\{)[^@]+@/);
      }
    }
  });
});
