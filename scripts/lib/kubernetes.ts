// The hub on a Kubernetes cluster: Kustomize bases and an example overlay,
// written by `npm run compose` from the one list of services
// (services/kit/catalog.ts) into deploy/kubernetes/, and checked by
// `npm run compose -- --check`. Kustomize rather than a Helm chart: `kubectl
// apply -k` reads it without another tool, it is plain YAML that the
// validator of the unit tests reads as it is (no template to render first),
// and an operator changes it with overlays of their own instead of a values
// file we would have to foresee. docs/operations.md ("Kubernetes") says how
// to install, upgrade, scale and back it up.
//
// Per process (the gateway, every subgraph, the web app): a Deployment
// (probes on the existing health endpoints, requests and limits, non-root on a
// read-only root file system), a Service, a HorizontalPodAutoscaler and a
// PodDisruptionBudget. NetworkPolicies deny everything but: the gateway to
// the subgraphs, every subgraph to samhandling (decisions) and registry
// (facts), the ingress to the gateway and the web app, a scraper to the
// metrics, PostgreSQL and Redis (external services, reached by the URLs in
// Secrets), DNS. Migrations: one Job per service in a kustomization of their
// own, applied and waited for before the new version (below, `migrationJobs`).
import { stringify } from "yaml";
import type { IHorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import type { IJob } from "kubernetes-models/batch/v1/Job";
import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";
import type { IIoK8sApiCoreV1Container as Container } from "kubernetes-models/v1/Container";
import type { IIoK8sApiCoreV1EnvVar as EnvVar } from "kubernetes-models/v1/EnvVar";
import type { IIoK8sApiCoreV1Probe as Probe } from "kubernetes-models/v1/Probe";
import type { IIoK8sApiCoreV1PodSpec as PodSpec } from "kubernetes-models/v1/PodSpec";
import type { IIoK8sApiCoreV1VolumeMount as VolumeMount } from "kubernetes-models/v1/VolumeMount";
import type { IIoK8sApiCoreV1ResourceRequirements as Resources } from "kubernetes-models/v1/ResourceRequirements";
import type { INamespace } from "kubernetes-models/v1/Namespace";
import type { IPersistentVolumeClaim } from "kubernetes-models/v1/PersistentVolumeClaim";
import type { ISecret } from "kubernetes-models/v1/Secret";
import type { IService } from "kubernetes-models/v1/Service";
import type { INetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import type { IIoK8sApiNetworkingV1NetworkPolicyEgressRule as EgressRule } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicyEgressRule";
import type { IIoK8sApiNetworkingV1NetworkPolicyPeer as Peer } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer";
import type { IIoK8sApiNetworkingV1NetworkPolicyPort as PolicyPort } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicyPort";
import type { IPodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { DEFAULT_GATEWAY_PORT, gatewayMetricsPort, SERVICE_NAMES, subgraphPortAt, webPort } from "../../services/kit/catalog.ts";

const SOURCE = "services/kit/catalog.ts";
export const KUBERNETES_DIR = "deploy/kubernetes";
/** The image every process runs (the Dockerfile's); an overlay's `images:` names the registry and tag. */
export const HUB_IMAGE = "samhandling-hub";
export const PART_OF = "samhandling-hub";
/** The subgraph every other one asks for decisions, and the one they ask for facts about persons (services/kit/internal.ts). */
export const DECISIONS_SERVICE = "samhandling";
export const FACTS_SERVICE = "registry";

export const LABEL = {
  name: "app.kubernetes.io/name",
  partOf: "app.kubernetes.io/part-of",
  component: "app.kubernetes.io/component",
} as const;

/** The Secrets the processes read, each key named as the variable it fills; their values never enter the repository. */
export const SECRETS = {
  /** HUB_SIGNING_SECRET: the gateway and every subgraph. */
  signing: "hub-signing",
  /** HUB_INTERNAL_SIGNING_SECRET: the subgraphs only, never the gateway. */
  internalSigning: "hub-internal-signing",
  /** REDIS_URL (it may carry a password). */
  redis: "hub-redis",
  /** DATABASE_URL_<SERVICE>, one key per service. */
  databases: "hub-databases",
  /** ACCESS_LOG_CHECKPOINT_KEY: the subgraphs only — it signs the access logs' checkpoints (docs/operations.md). */
  checkpoint: "hub-access-log-checkpoint",
} as const;

/**
 * Where every subgraph writes its access log's signed checkpoints: a volume out of the database operators' reach,
 * the same for every instance of a service and for the auditor's `npm run audit:verify` (docker-compose.yml mounts it too).
 */
export const CHECKPOINT_DIR = "/var/lib/samhandling/access-log-checkpoints";
/** The ReadWriteMany claim behind CHECKPOINT_DIR. */
export const CHECKPOINT_CLAIM = "hub-access-log-checkpoints";

/** ConfigMaps an overlay provides. */
export const CONFIG_MAPS = {
  /** identity-mapping.json: the issuers the gateway trusts (docs/sign-in.md). */
  identityMapping: "hub-identity-mapping",
  /** The variables the identity mapping names (`${HUB_AUDIENCE}`, …) and the gateway's own choices (CORS_ORIGINS, …). */
  gateway: "gateway-settings",
  /** WEB_GATEWAY_URL, WEB_OIDC_ISSUER, … (docs/configuration.md, the web app server). */
  web: "web-settings",
} as const;

export const IDENTITY_MAPPING_DIR = "/etc/samhandling";
export const IDENTITY_MAPPING_FILE = "identity-mapping.json";
/** What every process gets after SIGTERM to finish what is in flight (SHUTDOWN_TIMEOUT_MS), as in docker-compose.yml. */
export const SHUTDOWN_TIMEOUT_MS = 15_000;
/** How long a pod keeps serving after it is told to stop, while the endpoints drop it (before SIGTERM). */
const PRE_STOP_SECONDS = 5;
/** The namespace a Prometheus scraper runs in, by its name label. */
export const MONITORING_NAMESPACE = "monitoring";
export const POSTGRES_PORT = 5432;
export const REDIS_PORT = 6379;
/** The identity providers' discovery documents and keys (ID-porten, Entra ID, Maskinporten): HTTPS outside the cluster. */
export const HTTPS_PORT = 443;
const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

type Component = "gateway" | "subgraph" | "web" | "migrations";

/** One process of the hub as the cluster runs it. */
export interface HubProcess {
  name: string;
  component: Exclude<Component, "migrations">;
  port: number;
  metricsPort?: number;
  command: string[];
  env: EnvVar[];
  /** ConfigMaps of settings it reads on top (`optional` when the process starts without them). */
  settings: { name: string; optional: boolean }[];
  readiness: string;
  liveness: string;
  resources: Resources;
  maxReplicas: number;
}

const node = (entry: string) => ["node", "--import", "tsx", entry];
const value = (name: string, v: string | number): EnvVar => ({ name, value: String(v) });
const fromSecret = (name: string, secret: string): EnvVar => ({ name, valueFrom: { secretKeyRef: { name: secret, key: name } } });
const upper = (s: string) => s.toUpperCase();

/** What docker-compose.yml's `x-production` gives the gateway and every subgraph. */
const production = (): EnvVar[] => [
  value("NODE_ENV", "production"),
  fromSecret("HUB_SIGNING_SECRET", SECRETS.signing),
  fromSecret("REDIS_URL", SECRETS.redis),
  value("LOG_LEVEL", "info"),
  value("SHUTDOWN_TIMEOUT_MS", SHUTDOWN_TIMEOUT_MS),
];

const subgraphUrls = (services: readonly string[]): EnvVar[] => services.map((s, i) => value(`SUBGRAPH_URL_${upper(s)}`, `http://${s}:${subgraphPortAt(i)}/graphql`));

const resources = (cpu: [string, string], memory: [string, string]): Resources => ({
  requests: { cpu: cpu[0], memory: memory[0] },
  limits: { cpu: cpu[1], memory: memory[1] },
});

/** The gateway, every subgraph of `services` (in catalog order) and the web app. */
export function hubProcesses(services: readonly string[] = SERVICE_NAMES): HubProcess[] {
  const subgraphs = services.map(
    (name, i): HubProcess => ({
      name,
      component: "subgraph",
      port: subgraphPortAt(i),
      command: node(`services/${name}/index.ts`),
      env: [
        ...production(),
        ...subgraphUrls(services),
        fromSecret("HUB_INTERNAL_SIGNING_SECRET", SECRETS.internalSigning),
        value("HOST", "0.0.0.0"),
        value("PORT", subgraphPortAt(i)),
        fromSecret(`DATABASE_URL_${upper(name)}`, SECRETS.databases),
        fromSecret("ACCESS_LOG_CHECKPOINT_KEY", SECRETS.checkpoint),
        value("ACCESS_LOG_CHECKPOINT_DIR", CHECKPOINT_DIR),
        value("SEED_DEMO", "false"),
      ],
      settings: [{ name: `${name}-settings`, optional: true }],
      readiness: "/readyz",
      liveness: "/healthz",
      // The load test's subgraphs levelled off at 265–305 MB resident (docs/operations.md, "Load test").
      resources: resources(["100m", "1"], ["320Mi", "512Mi"]),
      maxReplicas: 6,
    }),
  );
  const gateway: HubProcess = {
    name: "gateway",
    component: "gateway",
    port: DEFAULT_GATEWAY_PORT,
    metricsPort: gatewayMetricsPort(),
    command: node("gateway/index.ts"),
    env: [
      ...production(),
      ...subgraphUrls(services),
      value("GATEWAY_HOST", "0.0.0.0"),
      value("GATEWAY_PORT", DEFAULT_GATEWAY_PORT),
      value("IDENTITY_MAPPING_PATH", `${IDENTITY_MAPPING_DIR}/${IDENTITY_MAPPING_FILE}`),
      value("UPSTREAM_TIMEOUT_MS", 10_000),
    ],
    settings: [{ name: CONFIG_MAPS.gateway, optional: false }],
    readiness: "/readiness",
    liveness: "/healthcheck",
    // The load test's gateway: ≈ 378 MB resident.
    resources: resources(["250m", "2"], ["448Mi", "768Mi"]),
    maxReplicas: 6,
  };
  const web: HubProcess = {
    name: "web",
    component: "web",
    port: webPort(),
    command: node("web/server.ts"),
    env: [value("NODE_ENV", "production"), value("WEB_HOST", "0.0.0.0"), value("WEB_PORT", webPort()), value("SHUTDOWN_TIMEOUT_MS", SHUTDOWN_TIMEOUT_MS)],
    settings: [{ name: CONFIG_MAPS.web, optional: false }],
    readiness: "/readyz",
    liveness: "/healthz",
    resources: resources(["50m", "500m"], ["128Mi", "256Mi"]),
    maxReplicas: 4,
  };
  return [gateway, ...subgraphs, web];
}

// --- objects -------------------------------------------------------------------------

const labels = (name: string, component: Component) => ({ [LABEL.name]: name, [LABEL.partOf]: PART_OF, [LABEL.component]: component });
const selector = (name: string) => ({ [LABEL.name]: name, [LABEL.partOf]: PART_OF });

/** Non-root, nothing to escalate to, a read-only root: what the restricted Pod Security Standard asks. */
const containerSecurity: Container["securityContext"] = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ["ALL"] },
};

/** The pod's part: the image's user `node` (uid 1000), the runtime's default seccomp profile, no API token, no service links. */
function podSpec(containers: Container[], volumes: PodSpec["volumes"], extra: Partial<PodSpec> = {}): PodSpec {
  return {
    automountServiceAccountToken: false,
    // Service links would put GATEWAY_PORT=tcp://… (the Service "gateway") into every pod's environment.
    enableServiceLinks: false,
    securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, seccompProfile: { type: "RuntimeDefault" } },
    containers,
    // tsx compiles into the temporary folder; the root file system stays read-only.
    volumes: [{ name: "tmp", emptyDir: { sizeLimit: "64Mi" } }, ...(volumes ?? [])],
    ...extra,
  };
}

const tmpMount: VolumeMount = { name: "tmp", mountPath: "/tmp" };

function deployment(p: HubProcess): IDeployment {
  const probe = (path: string, periodSeconds: number, failureThreshold: number): Probe => ({ httpGet: { path, port: "http" }, periodSeconds, failureThreshold, timeoutSeconds: 2 });
  const container: Container = {
    name: p.name,
    image: HUB_IMAGE,
    imagePullPolicy: "IfNotPresent",
    command: p.command,
    ports: [{ name: "http", containerPort: p.port }, ...(p.metricsPort ? [{ name: "metrics", containerPort: p.metricsPort }] : [])],
    env: p.env,
    envFrom: p.settings.map((s) => ({ configMapRef: { name: s.name, optional: s.optional } })),
    // A subgraph migrates its database before it listens: up to five minutes to come up.
    startupProbe: probe(p.liveness, 5, 60),
    readinessProbe: probe(p.readiness, 5, 2),
    livenessProbe: probe(p.liveness, 10, 3),
    // Readiness turns 503 on SIGTERM, but the endpoints learn it late: keep serving a few seconds first.
    lifecycle: { preStop: { exec: { command: ["sleep", String(PRE_STOP_SECONDS)] } } },
    resources: p.resources,
    securityContext: containerSecurity,
    volumeMounts: [
      tmpMount,
      ...(p.component === "gateway" ? [{ name: "identity-mapping", mountPath: IDENTITY_MAPPING_DIR, readOnly: true }] : []),
      ...(p.component === "subgraph" ? [{ name: "checkpoints", mountPath: CHECKPOINT_DIR }] : []),
    ],
  };
  const volumes =
    p.component === "gateway"
      ? [{ name: "identity-mapping", configMap: { name: CONFIG_MAPS.identityMapping } }]
      : p.component === "subgraph"
        ? [{ name: "checkpoints", persistentVolumeClaim: { claimName: CHECKPOINT_CLAIM } }]
        : [];
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: p.name, labels: labels(p.name, p.component) },
    spec: {
      // No replica count: the HorizontalPodAutoscaler owns it (an applied count would reset it on every apply).
      selector: { matchLabels: selector(p.name) },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      revisionHistoryLimit: 5,
      template: {
        metadata: {
          labels: labels(p.name, p.component),
          annotations: { "prometheus.io/scrape": "true", "prometheus.io/port": String(p.metricsPort ?? p.port), "prometheus.io/path": "/metrics" },
        },
        spec: podSpec([container], volumes, {
          // The drain (SHUTDOWN_TIMEOUT_MS) after the pre-stop pause, and a margin: SIGKILL never cuts it short.
          terminationGracePeriodSeconds: PRE_STOP_SECONDS + SHUTDOWN_TIMEOUT_MS / 1000 + 5,
          topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: selector(p.name) } }],
        }),
      },
    },
  };
}

function service(p: HubProcess): IService {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: p.name, labels: labels(p.name, p.component) },
    spec: {
      type: "ClusterIP",
      selector: selector(p.name),
      ports: [{ name: "http", port: p.port, targetPort: "http" }, ...(p.metricsPort ? [{ name: "metrics", port: p.metricsPort, targetPort: "metrics" }] : [])],
    },
  };
}

function autoscaler(p: HubProcess): IHorizontalPodAutoscaler {
  return {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: { name: p.name, labels: labels(p.name, p.component) },
    spec: {
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: p.name },
      // Two at least: one may be drained or rescheduled while the other serves.
      minReplicas: 2,
      maxReplicas: p.maxReplicas,
      metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }],
    },
  };
}

function disruptionBudget(p: HubProcess): IPodDisruptionBudget {
  return {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: { name: p.name, labels: labels(p.name, p.component) },
    spec: { minAvailable: 1, selector: { matchLabels: selector(p.name) } },
  };
}

// --- network policies ------------------------------------------------------------------

const tcp = (port: number): PolicyPort => ({ protocol: "TCP", port });
const pods = (name: string): Peer => ({ podSelector: { matchLabels: selector(name) } });
const anyPod = (component: Component): Peer => ({ podSelector: { matchLabels: { [LABEL.partOf]: PART_OF, [LABEL.component]: component } } });
const scraper: Peer = { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": MONITORING_NAMESPACE } } };
const policy = (name: string, podSelector: Record<string, string>, spec: Omit<INetworkPolicy["spec"] & object, "podSelector">): INetworkPolicy => ({
  apiVersion: "networking.k8s.io/v1",
  kind: "NetworkPolicy",
  metadata: { name, labels: { [LABEL.partOf]: PART_OF } },
  spec: { podSelector: { matchLabels: podSelector }, ...spec },
});

/** PostgreSQL and Redis are services outside the hub (an operator's, a managed one): reached by port, where the URLs in the Secrets say. */
const external = (port: number): EgressRule => ({ ports: [tcp(port)] });

/** Deny by default, then exactly the edges the hub has. */
export function networkPolicies(processes: readonly HubProcess[]): INetworkPolicy[] {
  const subgraphs = processes.filter((p) => p.component === "subgraph");
  const names = new Set(subgraphs.map((p) => p.name));
  for (const needed of [DECISIONS_SERVICE, FACTS_SERVICE]) if (!names.has(needed)) throw new Error(`The catalog has no ${needed}: the subgraphs' calls to it have nowhere to go.`);
  const port = (name: string) => subgraphs.find((p) => p.name === name)!.port;
  /** The subgraphs the others call: decisions and facts. */
  const called = [DECISIONS_SERVICE, FACTS_SERVICE];

  const perProcess = processes.map((p) => {
    switch (p.component) {
      case "gateway":
        return policy(p.name, selector(p.name), {
          policyTypes: ["Ingress", "Egress"],
          ingress: [
            // The public port: from the ingress controller, wherever it runs.
            { ports: [tcp(p.port)] },
            { from: [scraper], ports: [tcp(p.metricsPort!)] },
          ],
          egress: [
            ...subgraphs.map((s) => ({ to: [pods(s.name)], ports: [tcp(s.port)] })),
            external(REDIS_PORT),
            { to: [{ ipBlock: { cidr: "0.0.0.0/0", except: PRIVATE_RANGES } }], ports: [tcp(HTTPS_PORT)] },
          ],
        });
      case "web":
        return policy(p.name, selector(p.name), { policyTypes: ["Ingress", "Egress"], ingress: [{ ports: [tcp(p.port)] }], egress: [] });
      case "subgraph": {
        const callers = called.includes(p.name) ? [pods("gateway"), anyPod("subgraph")] : [pods("gateway")];
        return policy(p.name, selector(p.name), {
          policyTypes: ["Ingress", "Egress"],
          ingress: [
            { from: callers, ports: [tcp(p.port)] },
            { from: [scraper], ports: [tcp(p.port)] },
          ],
          egress: [...called.filter((c) => c !== p.name).map((c) => ({ to: [pods(c)], ports: [tcp(port(c))] })), external(POSTGRES_PORT), external(REDIS_PORT)],
        });
      }
    }
  });

  return [
    policy("default-deny", { [LABEL.partOf]: PART_OF }, { policyTypes: ["Ingress", "Egress"], ingress: [], egress: [] }),
    policy("dns", { [LABEL.partOf]: PART_OF }, {
      policyTypes: ["Egress"],
      egress: [
        {
          to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
          ports: [
            { protocol: "UDP", port: 53 },
            { protocol: "TCP", port: 53 },
          ],
        },
      ],
    }),
    ...perProcess,
    policy("migrations", { [LABEL.partOf]: PART_OF, [LABEL.component]: "migrations" }, { policyTypes: ["Ingress", "Egress"], ingress: [], egress: [external(POSTGRES_PORT)] }),
  ];
}

// --- migrations ------------------------------------------------------------------------

export const MIGRATE_ENTRY = "services/kit/db/migrate-main.ts";

/**
 * One Job per service: applies its migrations (services/kit/db/migrate-main.ts)
 * and exits. Kustomize has no hooks, so the order is the operator's: apply
 * these, wait for them to complete, then apply the new version (the Jobs'
 * kustomization is separate so that the waiting happens in between). A
 * forgotten Job costs no correctness: every subgraph applies what is missing
 * at start-up, under the same lock, before it is ready.
 */
export function migrationJobs(services: readonly string[] = SERVICE_NAMES): IJob[] {
  return services.map((s) => ({
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name: `migrate-${s}`, labels: labels(`migrate-${s}`, "migrations") },
    spec: {
      backoffLimit: 2,
      activeDeadlineSeconds: 600,
      ttlSecondsAfterFinished: 3600,
      template: {
        metadata: { labels: labels(`migrate-${s}`, "migrations") },
        spec: podSpec(
          [
            {
              name: "migrate",
              image: HUB_IMAGE,
              imagePullPolicy: "IfNotPresent",
              command: node(MIGRATE_ENTRY).concat(s),
              env: [value("NODE_ENV", "production"), value("LOG_LEVEL", "info"), fromSecret(`DATABASE_URL_${upper(s)}`, SECRETS.databases)],
              resources: resources(["100m", "1"], ["256Mi", "512Mi"]),
              securityContext: containerSecurity,
              volumeMounts: [tmpMount],
            },
          ],
          [],
          { restartPolicy: "Never" },
        ),
      },
    },
  }));
}

// --- files -----------------------------------------------------------------------------

const header = (what: string) =>
  `# Generated by \`npm run compose\` from ${SOURCE} (scripts/lib/kubernetes.ts); edit those, not this file.\n# ${what}\n`;

/** Objects as one YAML stream. */
export function yamlStream(what: string, objects: readonly object[]): string {
  return header(what) + objects.map((o) => `---\n${stringify(o, { lineWidth: 0 })}`).join("");
}

const kustomization = (what: string, fields: Record<string, unknown>) =>
  header(what) + stringify({ apiVersion: "kustomize.config.k8s.io/v1beta1", kind: "Kustomization", ...fields }, { lineWidth: 0 });

/** Project-relative path → text: the base, the migrations and the example overlay. */
export function kubernetesFiles(services: readonly string[] = SERVICE_NAMES, exampleFiles: Record<string, string> = {}): Record<string, string> {
  const processes = hubProcesses(services);
  const base = `${KUBERNETES_DIR}/base`;
  const files: Record<string, string> = {};
  for (const p of processes) {
    files[`${base}/${p.name}.yaml`] = yamlStream(`The ${p.name === "web" ? "web app" : p.component === "gateway" ? "gateway" : `${p.name} subgraph`}: Deployment, Service, HorizontalPodAutoscaler, PodDisruptionBudget.`, [
      deployment(p),
      service(p),
      autoscaler(p),
      disruptionBudget(p),
    ]);
  }
  files[`${base}/access-log-checkpoints.yaml`] = yamlStream("Where the subgraphs write their access logs' signed checkpoints: one volume every instance shares (docs/operations.md).", [checkpointClaim()]);
  files[`${base}/network-policies.yaml`] = yamlStream("Deny by default; then the gateway to the subgraphs, the subgraphs to samhandling and registry, PostgreSQL, Redis, DNS.", networkPolicies(processes));
  files[`${base}/kustomization.yaml`] = kustomization("Every process of the hub; an overlay adds the namespace, the image, the identity mapping and the settings (overlays/example).", {
    resources: [...processes.map((p) => `${p.name}.yaml`), "access-log-checkpoints.yaml", "network-policies.yaml"],
  });
  files[`${KUBERNETES_DIR}/migrate/jobs.yaml`] = yamlStream("One Job per service: its migrations, applied before the new version (docs/operations.md, Kubernetes).", migrationJobs(services));
  files[`${KUBERNETES_DIR}/migrate/kustomization.yaml`] = kustomization("The migration Jobs: apply, wait for them to complete, then apply the new version.", { resources: ["jobs.yaml"] });
  return { ...files, ...exampleFiles };
}

/**
 * The checkpoints' volume: ReadWriteMany, because every instance of every subgraph appends to it and the auditor
 * reads it; a storage class outside the database's (and its operators') reach. Small: a line per service per interval.
 */
function checkpointClaim(): IPersistentVolumeClaim {
  return {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: { name: CHECKPOINT_CLAIM, labels: { [LABEL.partOf]: PART_OF } },
    spec: { accessModes: ["ReadWriteMany"], resources: { requests: { storage: "1Gi" } } },
  };
}

/** A Namespace that holds the hub to the restricted Pod Security Standard, which every pod of it meets. */
export function exampleNamespace(name: string): INamespace {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name, labels: { "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/warn": "restricted" } },
  };
}

/** The Secrets with placeholders in place of every value: the shape to fill in, never to apply as it is. */
export function exampleSecrets(services: readonly string[], namespace: string): ISecret[] {
  const secret = (name: string, data: Record<string, string>): ISecret => ({ apiVersion: "v1", kind: "Secret", metadata: { name, namespace, labels: { [LABEL.partOf]: PART_OF } }, type: "Opaque", stringData: data });
  return [
    secret(SECRETS.signing, { HUB_SIGNING_SECRET: "<a long random string, e.g. openssl rand -base64 48>" }),
    secret(SECRETS.internalSigning, { HUB_INTERNAL_SIGNING_SECRET: "<another long random string, not the one above>" }),
    secret(SECRETS.redis, { REDIS_URL: "redis://:<password>@hub-redis:6379" }),
    secret(SECRETS.databases, Object.fromEntries(services.map((s) => [`DATABASE_URL_${upper(s)}`, `postgres://hub:<password>@hub-db-rw:5432/hub_${s}`]))),
    secret(SECRETS.checkpoint, { ACCESS_LOG_CHECKPOINT_KEY: "<npm run audit:key prints one (the private JWK); give its public half to the auditors>" }),
  ];
}

/** An NetworkPolicy to add when samhandling sends notification e-mail (NOTIFY_SMTP_URL): SMTP out of the cluster, nothing else. */
export function smtpPolicy(): INetworkPolicy {
  return policy(`${DECISIONS_SERVICE}-smtp`, selector(DECISIONS_SERVICE), {
    policyTypes: ["Egress"],
    egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0", except: PRIVATE_RANGES } }], ports: [tcp(465), tcp(587)] }],
  });
}
