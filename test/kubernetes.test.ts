// The Kubernetes manifests (deploy/kubernetes/, written by `npm run compose`
// from the catalog) without a cluster: every object validates against
// Kubernetes' schemas (kubernetes-models), the set agrees with
// docker-compose.yml and the catalog, a new catalog entry appears in it with
// no hand edit, and the NetworkPolicies allow exactly the hub's edges.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { Job } from "kubernetes-models/batch/v1/Job";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { PersistentVolumeClaim } from "kubernetes-models/v1/PersistentVolumeClaim";
import { Secret } from "kubernetes-models/v1/Secret";
import { Service } from "kubernetes-models/v1/Service";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";
import type { IHorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import type { IJob } from "kubernetes-models/batch/v1/Job";
import type { IIoK8sApiCoreV1Container as Container } from "kubernetes-models/v1/Container";
import type { IIoK8sApiCoreV1PodSpec as PodSpec } from "kubernetes-models/v1/PodSpec";
import type { IService } from "kubernetes-models/v1/Service";
import type { INetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import type { IIoK8sApiNetworkingV1NetworkPolicyPeer as Peer } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer";
import type { IIoK8sApiNetworkingV1NetworkPolicyPort as PolicyPort } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicyPort";
import type { IPodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { checkIdentityMapping } from "../gateway/identity/mapping.ts";
import { catalogFiles } from "../scripts/lib/catalog-files.ts";
import { DECISIONS_SERVICE, FACTS_SERVICE, HUB_IMAGE, KUBERNETES_DIR, kubernetesFiles, LABEL, MONITORING_NAMESPACE, POSTGRES_PORT, REDIS_PORT } from "../scripts/lib/kubernetes.ts";
import { EXAMPLE_DIR, EXAMPLE_NAMESPACE, exampleOverlayFiles } from "../scripts/lib/kubernetes-example.ts";
import { DEFAULT_GATEWAY_PORT, gatewayMetricsPort, SERVICE_NAMES, subgraphPort, webPort } from "../services/kit/catalog.ts";
import { ROOT_DIR } from "../services/kit/config.ts";

type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string> } } & Record<string, unknown>;

/** Kubernetes' own kinds the manifests use, each with its schema. */
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  "apps/v1 Deployment": Deployment,
  "v1 Service": Service,
  "autoscaling/v2 HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "policy/v1 PodDisruptionBudget": PodDisruptionBudget,
  "networking.k8s.io/v1 NetworkPolicy": NetworkPolicy,
  "batch/v1 Job": Job,
  "v1 Namespace": Namespace,
  "v1 Secret": Secret,
  "v1 PersistentVolumeClaim": PersistentVolumeClaim,
  "v1 ConfigMap": ConfigMap,
};
/** The operators' custom resources: their schemas are not in kubernetes-models, so they stay in the example that names them. */
const OPERATOR_GROUPS = ["postgresql.cnpg.io/", "redis.redis.opstreelabs.in/"];
const OPERATOR_FILE = `${EXAMPLE_DIR}/databases/operators.yaml`;

/** kubectl where it is installed (it renders Kustomize by itself, no cluster needed). */
const kubectl = (process.env.PATH ?? "").split(path.delimiter).map((d) => path.join(d, "kubectl")).find((f) => fs.existsSync(f));

const dir = path.join(ROOT_DIR, KUBERNETES_DIR);
const yamlFiles = fs
  .readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith(".yaml") && e.name !== "kustomization.yaml")
  .map((e) => path.relative(ROOT_DIR, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
  .sort();
const objectsOf = (text: string): K8sObject[] => parseAllDocuments(text).map((d) => d.toJS() as K8sObject).filter(Boolean);
const rendered = new Map(yamlFiles.map((f) => [f, objectsOf(fs.readFileSync(path.join(ROOT_DIR, f), "utf8"))]));
const all = [...rendered.values()].flat();
const inBase = (kind: string) => [...rendered].filter(([f]) => f.startsWith(`${KUBERNETES_DIR}/base/`)).flatMap(([, objects]) => objects.filter((o) => o.kind === kind));

const deployments = inBase("Deployment") as unknown as IDeployment[];
const services = inBase("Service") as unknown as IService[];
const policies = inBase("NetworkPolicy") as unknown as INetworkPolicy[];
const jobs = rendered.get(`${KUBERNETES_DIR}/migrate/jobs.yaml`)! as unknown as IJob[];
const deploymentOf = (name: string) => deployments.find((d) => d.metadata!.name === name)!;
const containerOf = (name: string): Container => deploymentOf(name).spec!.template.spec!.containers[0]!;
const upper = (s: string) => s.toUpperCase();

interface ComposeService {
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  expose?: string[];
  ports?: string[];
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
}
const compose = parse(fs.readFileSync(path.join(ROOT_DIR, "docker-compose.yml"), "utf8"), { merge: true }) as { services: Record<string, ComposeService> };
const INFRA = ["postgres", "redis"];
const composeApps = Object.keys(compose.services).filter((s) => !INFRA.includes(s));

describe("every object in deploy/kubernetes/", () => {
  it.each(yamlFiles.map((f) => [f]))("%s validates against Kubernetes' schemas", (file) => {
    const objects = rendered.get(file)!;
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects) {
      const key = `${object.apiVersion} ${object.kind}`;
      if (OPERATOR_GROUPS.some((g) => object.apiVersion.startsWith(g))) {
        expect(file, `${key} is an operator's resource: only in the example that says so`).toBe(OPERATOR_FILE);
        continue;
      }
      const Model = MODELS[key];
      expect(Model, `${key} (${object.metadata.name}) has no schema here`).toBeDefined();
      expect(() => new Model!(object as never).validate(), `${key} ${object.metadata.name}`).not.toThrow();
    }
  });

  it("the validator refuses what Kubernetes would (a port written as text, a Deployment without its selector)", () => {
    const good = structuredClone(deploymentOf("gateway"));
    expect(() => new Deployment(good).validate()).not.toThrow();
    const textPort = structuredClone(good);
    (textPort.spec!.template.spec!.containers[0]!.ports![0]! as { containerPort: unknown }).containerPort = "4000";
    expect(() => new Deployment(textPort).validate()).toThrow(/containerPort must be integer/);
    const noSelector = structuredClone(good) as unknown as { spec: Record<string, unknown> };
    delete noSelector.spec.selector;
    expect(() => new Deployment(noSelector as never).validate()).toThrow(/selector/);
  });

  it("are what npm run compose writes (nothing stale, nothing stray)", () => {
    const expected = Object.fromEntries(Object.entries(catalogFiles()).filter(([rel]) => rel.startsWith(`${KUBERNETES_DIR}/`)));
    for (const [rel, text] of Object.entries(expected)) expect(fs.readFileSync(path.join(ROOT_DIR, rel), "utf8"), rel).toBe(text);
    for (const file of yamlFiles) expect(Object.keys(expected), file).toContain(file);
  });

  // CI has no kubectl; where it is installed, what `kubectl kustomize` renders of the example overlay (namespace, image, generated ConfigMaps) is checked too.
  it.skipIf(!kubectl)("as `kubectl kustomize` renders the example overlays, validate too, every reference resolved", () => {
    for (const overlay of ["", "/migrate"]) {
      const objects = objectsOf(execFileSync(kubectl!, ["kustomize", path.join(ROOT_DIR, EXAMPLE_DIR + overlay)], { encoding: "utf8" }));
      const configMaps = new Set(objects.filter((o) => o.kind === "ConfigMap").map((o) => o.metadata.name));
      for (const object of objects) {
        expect(() => new MODELS[`${object.apiVersion} ${object.kind}`]!(object as never).validate(), `${object.kind} ${object.metadata.name}`).not.toThrow();
        if (object.kind !== "Namespace") expect((object.metadata as { namespace?: string }).namespace).toBe(EXAMPLE_NAMESPACE);
        const pod = (object as unknown as IDeployment).spec?.template?.spec;
        for (const c of pod?.containers ?? []) expect(c.image).toMatch(/^registry\.example\.kommune\.no\/samhandling-hub:/);
        for (const ref of (pod?.containers ?? []).flatMap((c) => c.envFrom ?? []).filter((r) => !r.configMapRef?.optional)) expect(configMaps, ref.configMapRef!.name).toContain(ref.configMapRef!.name);
        for (const v of pod?.volumes ?? []) if (v.configMap) expect(configMaps).toContain(v.configMap.name);
      }
    }
  });

  it("every kustomization names files and folders that exist, and the base and the Jobs apply all they hold", () => {
    const kustomizations = Object.keys(catalogFiles()).filter((rel) => rel.startsWith(`${KUBERNETES_DIR}/`) && rel.endsWith("/kustomization.yaml"));
    expect(kustomizations.length).toBeGreaterThanOrEqual(5);
    for (const rel of kustomizations) {
      const k = parse(fs.readFileSync(path.join(ROOT_DIR, rel), "utf8")) as { kind: string; resources?: string[]; configMapGenerator?: { files?: string[] }[] };
      expect(k.kind).toBe("Kustomization");
      const here = path.dirname(path.join(ROOT_DIR, rel));
      for (const resource of k.resources ?? []) {
        const target = path.join(here, resource);
        expect(fs.existsSync(target) && (fs.statSync(target).isFile() || fs.existsSync(path.join(target, "kustomization.yaml"))), `${rel}: ${resource}`).toBe(true);
      }
      for (const file of (k.configMapGenerator ?? []).flatMap((g) => g.files ?? [])) expect(fs.existsSync(path.join(here, file)), `${rel}: ${file}`).toBe(true);
      if (!rel.includes("/overlays/")) {
        const listed = new Set(k.resources);
        for (const file of fs.readdirSync(here).filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml")) expect(listed.has(file), `${rel} leaves out ${file}`).toBe(true);
      }
    }
  });
});

describe("the processes", () => {
  const processes = ["gateway", ...SERVICE_NAMES, "web"];

  it("are the gateway, every subgraph of the catalog and the web app, each with a Service, an autoscaler and a disruption budget", () => {
    expect(deployments.map((d) => d.metadata!.name).sort()).toEqual([...processes].sort());
    const autoscalers = inBase("HorizontalPodAutoscaler") as unknown as IHorizontalPodAutoscaler[];
    const budgets = inBase("PodDisruptionBudget") as unknown as IPodDisruptionBudget[];
    for (const d of deployments) {
      const name = d.metadata!.name!;
      const podLabels = d.spec!.template.metadata!.labels!;
      const selects = (selector: Record<string, string> | undefined) => Object.entries(selector ?? {}).every(([k, v]) => podLabels[k] === v);
      expect(d.spec!.replicas, `${name}: the autoscaler owns the count`).toBeUndefined();
      expect(selects(d.spec!.selector.matchLabels)).toBe(true);
      const svc = services.find((s) => s.metadata!.name === name)!;
      expect(selects(svc.spec!.selector), `${name}'s Service selects its pods`).toBe(true);
      const hpa = autoscalers.find((h) => h.spec!.scaleTargetRef.name === name)!;
      expect(hpa.spec!.minReplicas).toBeGreaterThanOrEqual(2);
      expect(hpa.spec!.maxReplicas).toBeGreaterThan(hpa.spec!.minReplicas!);
      const pdb = budgets.find((b) => b.metadata!.name === name)!;
      expect(selects(pdb.spec!.selector!.matchLabels)).toBe(true);
      expect(pdb.spec!.minAvailable).toBeLessThan(hpa.spec!.minReplicas!);
    }
  });

  it("run on the catalog's ports, probed on their health endpoints", () => {
    const expected: Record<string, { port: number; ready: string; live: string }> = {
      gateway: { port: DEFAULT_GATEWAY_PORT, ready: "/readiness", live: "/healthcheck" },
      web: { port: webPort(), ready: "/readyz", live: "/healthz" },
      ...Object.fromEntries(SERVICE_NAMES.map((s) => [s, { port: subgraphPort(s), ready: "/readyz", live: "/healthz" }])),
    };
    for (const [name, want] of Object.entries(expected)) {
      const c = containerOf(name);
      expect(c.ports![0]).toEqual({ name: "http", containerPort: want.port });
      expect(services.find((s) => s.metadata!.name === name)!.spec!.ports![0]!.port).toBe(want.port);
      expect(c.readinessProbe!.httpGet).toEqual({ path: want.ready, port: "http" });
      expect(c.livenessProbe!.httpGet).toEqual({ path: want.live, port: "http" });
      expect(c.startupProbe!.httpGet!.path).toBe(want.live);
    }
    expect(containerOf("gateway").ports![1]).toEqual({ name: "metrics", containerPort: gatewayMetricsPort() });
  });

  it("are all the one image, non-root on a read-only root, with requests and limits, and stop after their drain", () => {
    const pods: [string, PodSpec][] = [...deployments.map((d) => [d.metadata!.name!, d.spec!.template.spec!] as [string, PodSpec]), ...jobs.map((j) => [j.metadata!.name!, j.spec!.template.spec!] as [string, PodSpec])];
    for (const [name, pod] of pods) {
      expect(pod.securityContext, name).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } });
      expect(pod.automountServiceAccountToken, name).toBe(false);
      expect(pod.enableServiceLinks, `${name}: no GATEWAY_PORT=tcp://… from the Service links`).toBe(false);
      for (const c of pod.containers) {
        expect(c.image, name).toBe(HUB_IMAGE);
        expect(c.securityContext, name).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } });
        for (const kind of ["requests", "limits"] as const) expect(Object.keys(c.resources?.[kind] ?? {}).sort(), `${name} ${kind}`).toEqual(["cpu", "memory"]);
      }
    }
    for (const d of deployments) {
      const c = d.spec!.template.spec!.containers[0]!;
      const drain = Number(c.env!.find((e) => e.name === "SHUTDOWN_TIMEOUT_MS")!.value) / 1000;
      const pause = Number(c.lifecycle!.preStop!.exec!.command!.at(-1));
      expect(d.spec!.template.spec!.terminationGracePeriodSeconds!, d.metadata!.name).toBeGreaterThan(pause + drain);
    }
  });
});

describe("the manifests, docker-compose.yml and the catalog", () => {
  it("run the same processes (compose has no web app; the cluster's PostgreSQL and Redis are external)", () => {
    expect(composeApps.sort()).toEqual(deployments.map((d) => d.metadata!.name!).filter((n) => n !== "web").sort());
    for (const name of composeApps) expect(compose.services[name]!.build, `${name} is built from the Dockerfile, as the image ${HUB_IMAGE} is`).toBe(".");
  });

  it.each(composeApps.map((s) => [s]))("give %s the same command, ports, health check and environment", (name) => {
    const c = containerOf(name);
    const def = compose.services[name]!;
    expect(c.command).toEqual(def.command);
    const composePorts = [...(def.ports ?? []).map((p) => p.split(":").at(-1)!), ...(def.expose ?? [])].map(Number).sort();
    expect(c.ports!.map((p) => p.containerPort).sort()).toEqual(composePorts);
    const healthUrl = new URL(/fetch\('([^']+)'\)/.exec(def.healthcheck!.test.join(" "))![1]!);
    expect([c.readinessProbe!.httpGet!.path, c.ports!.find((p) => p.name === "http")!.containerPort]).toEqual([healthUrl.pathname, Number(healthUrl.port)]);

    const env = new Map(c.env!.map((e) => [e.name, e]));
    expect([...env.keys()].sort()).toEqual(Object.keys(def.environment!).sort());
    for (const [key, raw] of Object.entries(def.environment!)) {
      const entry = env.get(key)!;
      const required = /^\$\{\w+:\?/.test(raw);
      const infra = INFRA.some((host) => new RegExp(`//([^@/]*@)?${host}:`).test(raw));
      if (required || infra) {
        // A secret, or where the external PostgreSQL or Redis is: from a Secret, never written in the manifest.
        expect(entry.valueFrom?.secretKeyRef, key).toEqual({ name: expect.any(String), key });
      } else {
        const defaulted = /^\$\{\w+:-(.*)\}$/.exec(raw)?.[1];
        expect(entry.value, key).toBe(defaulted ?? raw);
      }
    }
  });

  it("stop alike: the grace period of compose covers the same drain", () => {
    for (const name of composeApps) {
      const composeGrace = Number(/^(\d+)s$/.exec(compose.services[name]!.stop_grace_period ?? "")?.[1]);
      expect(deploymentOf(name).spec!.template.spec!.terminationGracePeriodSeconds, name).toBeGreaterThanOrEqual(composeGrace);
    }
  });

  it("name every service's database: a migration Job, a URL in the example Secret, a database in the operator example and in postgres-init.sql", () => {
    expect(jobs.map((j) => j.metadata!.name)).toEqual(SERVICE_NAMES.map((s) => `migrate-${s}`));
    for (const [job, s] of jobs.map((j, i) => [j, SERVICE_NAMES[i]!] as const)) {
      const c = job.spec!.template.spec!.containers[0]!;
      expect(c.command!.at(-1)).toBe(s);
      expect(c.env!.find((e) => e.name === `DATABASE_URL_${upper(s)}`)?.valueFrom?.secretKeyRef).toBeDefined();
    }
    const init = fs.readFileSync(path.join(ROOT_DIR, "deploy/postgres-init.sql"), "utf8");
    const databases = [...init.matchAll(/create database (\w+);/g)].map((m) => m[1]);
    const operatorDatabases = rendered.get(OPERATOR_FILE)!.filter((o) => o.kind === "Database").map((o) => (o as unknown as { spec: { name: string } }).spec.name);
    expect(operatorDatabases).toEqual(databases);
    const secretUrls = rendered.get(`${EXAMPLE_DIR}/secrets.example.yaml`)!.find((o) => o.metadata.name === "hub-databases") as unknown as { stringData: Record<string, string> };
    expect(Object.keys(secretUrls.stringData)).toEqual(SERVICE_NAMES.map((s) => `DATABASE_URL_${upper(s)}`));
    expect(Object.values(secretUrls.stringData).map((u) => new URL(u).pathname.slice(1))).toEqual(databases);
  });

  it("hold no secret: Secrets only in the example, every value a placeholder; no secret variable written in a manifest", () => {
    for (const [file, objects] of rendered) {
      for (const o of objects.filter((x) => x.kind === "Secret")) {
        expect(file).toBe(`${EXAMPLE_DIR}/secrets.example.yaml`);
        for (const v of Object.values((o as unknown as { stringData: Record<string, string> }).stringData)) expect(v).toMatch(/<[^>]+>/);
      }
    }
    for (const pod of [...deployments.map((d) => d.spec!.template.spec!), ...jobs.map((j) => j.spec!.template.spec!)]) {
      for (const e of pod.containers.flatMap((c) => c.env ?? [])) {
        if (/SECRET|DATABASE_URL|REDIS_URL|PASSWORD|TOKEN/.test(e.name)) expect(e.value, e.name).toBeUndefined();
      }
    }
  });

  it("the example overlay's identity mapping is one the gateway accepts, with every variable it reads in the gateway's settings", () => {
    const k = parse(fs.readFileSync(path.join(ROOT_DIR, EXAMPLE_DIR, "kustomization.yaml"), "utf8")) as { configMapGenerator: { name: string; literals?: string[] }[] };
    const literals = Object.fromEntries(k.configMapGenerator.find((g) => g.name === "gateway-settings")!.literals!.map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]));
    const mapping = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, EXAMPLE_DIR, "identity-mapping.json"), "utf8")) as never;
    const variables = (name: string) => (name in literals ? `https://${name.toLowerCase()}.example` : undefined);
    expect(checkIdentityMapping(mapping, "identity-mapping.json", variables).map((i) => i.issuer)).toHaveLength(3);
  });
});

describe("a new catalog entry", () => {
  it("appears everywhere with no hand edit: its Deployment on the next port, its policy, its Job, its database", () => {
    const names = [...SERVICE_NAMES, "throwaway"];
    const files = kubernetesFiles(names, exampleOverlayFiles(names));
    const port = subgraphPort(SERVICE_NAMES.at(-1)!) + 1;
    const own = objectsOf(files[`${KUBERNETES_DIR}/base/throwaway.yaml`]!);
    expect(own.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(["Deployment/throwaway", "Service/throwaway", "HorizontalPodAutoscaler/throwaway", "PodDisruptionBudget/throwaway"]);
    for (const o of own) expect(() => new MODELS[`${o.apiVersion} ${o.kind}`]!(o as never).validate()).not.toThrow();
    const container = (own[0] as unknown as IDeployment).spec!.template.spec!.containers[0]!;
    expect(container.command).toEqual(["node", "--import", "tsx", "services/throwaway/index.ts"]);
    expect(container.ports![0]!.containerPort).toBe(port);
    expect(parse(files[`${KUBERNETES_DIR}/base/kustomization.yaml`]!).resources).toContain("throwaway.yaml");
    const gateway = objectsOf(files[`${KUBERNETES_DIR}/base/gateway.yaml`]!)[0] as unknown as IDeployment;
    expect(gateway.spec!.template.spec!.containers[0]!.env).toContainEqual({ name: "SUBGRAPH_URL_THROWAWAY", value: `http://throwaway:${port}/graphql` });
    const edges = allowedEdges(objectsOf(files[`${KUBERNETES_DIR}/base/network-policies.yaml`]!) as unknown as INetworkPolicy[], podsOf(files));
    expect(edges).toContain(`gateway → throwaway:${port}`);
    expect(edges).toContain(`throwaway → ${DECISIONS_SERVICE}:${subgraphPort(DECISIONS_SERVICE)}`);
    expect(files[`${KUBERNETES_DIR}/migrate/jobs.yaml`]).toContain("name: migrate-throwaway");
    expect(files[OPERATOR_FILE]).toContain("name: hub_throwaway");
  });
});

// --- NetworkPolicies, evaluated ---------------------------------------------------------

interface Pod {
  name: string;
  labels: Record<string, string>;
  ports: number[];
}

function podsOf(files: Record<string, string>): Pod[] {
  return Object.entries(files)
    .filter(([rel]) => rel.startsWith(`${KUBERNETES_DIR}/base/`) || rel === `${KUBERNETES_DIR}/migrate/jobs.yaml`)
    .flatMap(([, text]) => objectsOf(text))
    .filter((o) => o.kind === "Deployment" || o.kind === "Job")
    .map((o) => {
      const template = (o as unknown as IDeployment).spec!.template;
      return { name: o.metadata.name, labels: template.metadata!.labels!, ports: template.spec!.containers.flatMap((c) => (c.ports ?? []).map((p) => p.containerPort)) };
    });
}
const pods = podsOf(Object.fromEntries(Object.entries(catalogFiles()).filter(([rel]) => rel.startsWith(KUBERNETES_DIR))));

const matches = (selector: { matchLabels?: Record<string, string> } | undefined, labels: Record<string, string>) => Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
/** A peer that is a pod of the hub's namespace (no namespace selector, no address block). */
const podPeer = (peer: Peer, pod: Pod) => !peer.namespaceSelector && !peer.ipBlock && matches(peer.podSelector, pod.labels);
const portMatches = (ports: PolicyPort[] | undefined, port: number) => !ports || ports.some((p) => p.port === port && (p.protocol ?? "TCP") === "TCP");
const selecting = (all: INetworkPolicy[], pod: Pod, type: "Ingress" | "Egress") => all.filter((p) => matches(p.spec!.podSelector, pod.labels) && p.spec!.policyTypes!.includes(type));

/** Every pod → pod:port connection the policies let through (both the source's egress and the target's ingress). */
function allowedEdges(all: INetworkPolicy[], hubPods: Pod[]): string[] {
  const edges: string[] = [];
  for (const from of hubPods) {
    for (const to of hubPods) {
      for (const port of to.ports) {
        const out = selecting(all, from, "Egress").some((p) => (p.spec!.egress ?? []).some((r) => portMatches(r.ports, port) && (r.to ?? []).some((peer) => podPeer(peer, to))));
        const into = selecting(all, to, "Ingress").some((p) => (p.spec!.ingress ?? []).some((r) => portMatches(r.ports, port) && (!r.from || r.from.some((peer) => podPeer(peer, from)))));
        if (out && into && from.name !== to.name) edges.push(`${from.name} → ${to.name}:${port}`);
      }
    }
  }
  return edges.sort();
}

/** What a pod may reach outside the hub's pods: ports open to any destination, and address blocks. */
function outside(all: INetworkPolicy[], pod: Pod): string[] {
  return selecting(all, pod, "Egress")
    .flatMap((p) => p.spec!.egress ?? [])
    .flatMap((r) => {
      const ports = (r.ports ?? []).map((p) => `${p.protocol ?? "TCP"}/${p.port}`);
      if (!r.to) return ports.map((p) => `any ${p}`);
      return r.to.flatMap((peer) => (peer.ipBlock ? ports.map((p) => `${peer.ipBlock!.cidr} ${p}`) : peer.namespaceSelector ? ports.map((p) => `namespace ${peer.namespaceSelector!.matchLabels?.["kubernetes.io/metadata.name"]} ${p}`) : []));
    })
    .sort();
}

describe("the NetworkPolicies", () => {
  it("deny everything to and from every pod of the hub unless allowed", () => {
    const deny = policies.find((p) => p.metadata!.name === "default-deny")!;
    expect(deny.spec!.policyTypes).toEqual(["Ingress", "Egress"]);
    for (const pod of pods) expect(matches(deny.spec!.podSelector, pod.labels), pod.name).toBe(true);
  });

  it("let the gateway reach every subgraph, and the subgraphs only samhandling's decisions and registry's facts", () => {
    const expected = [
      ...SERVICE_NAMES.map((s) => `gateway → ${s}:${subgraphPort(s)}`),
      ...SERVICE_NAMES.filter((s) => s !== DECISIONS_SERVICE).map((s) => `${s} → ${DECISIONS_SERVICE}:${subgraphPort(DECISIONS_SERVICE)}`),
      ...SERVICE_NAMES.filter((s) => s !== FACTS_SERVICE).map((s) => `${s} → ${FACTS_SERVICE}:${subgraphPort(FACTS_SERVICE)}`),
    ].sort();
    expect(allowedEdges(policies, pods)).toEqual(expected);
  });

  it("let out only DNS, PostgreSQL, Redis and (the gateway) the identity providers over HTTPS", () => {
    const dns = ["namespace kube-system TCP/53", "namespace kube-system UDP/53"];
    const byComponent: Record<string, string[]> = {
      gateway: [...dns, `any TCP/${REDIS_PORT}`, "0.0.0.0/0 TCP/443"],
      subgraph: [...dns, `any TCP/${POSTGRES_PORT}`, `any TCP/${REDIS_PORT}`],
      web: dns,
      migrations: [...dns, `any TCP/${POSTGRES_PORT}`],
    };
    for (const pod of pods) expect(outside(policies, pod), pod.name).toEqual(byComponent[pod.labels[LABEL.component]!]!.sort());
    const https = policies.find((p) => p.metadata!.name === "gateway")!.spec!.egress!.find((r) => r.to?.[0]?.ipBlock)!;
    expect(https.to![0]!.ipBlock!.except, "not the cluster's own addresses").toEqual(expect.arrayContaining(["10.0.0.0/8"]));
  });

  it("let in from outside the hub only the gateway's and the web app's public ports, and a scraper to the metrics", () => {
    const open: string[] = [];
    const scraped: string[] = [];
    for (const pod of pods) {
      for (const rule of selecting(policies, pod, "Ingress").flatMap((p) => p.spec!.ingress ?? [])) {
        const ports = (rule.ports ?? []).map((p) => `${pod.name}:${p.port}`);
        if (!rule.from) open.push(...ports);
        else if (rule.from.some((peer) => peer.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"] === MONITORING_NAMESPACE)) scraped.push(...ports);
      }
    }
    expect(open.sort()).toEqual([`gateway:${DEFAULT_GATEWAY_PORT}`, `web:${webPort()}`].sort());
    expect(scraped.sort()).toEqual([`gateway:${gatewayMetricsPort()}`, ...SERVICE_NAMES.map((s) => `${s}:${subgraphPort(s)}`)].sort());
  });
});
