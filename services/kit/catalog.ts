// The one service list. Adding a service subgraph starts with a line here.
export const SERVICE_NAMES = [
  "registry",
  "samhandling",
  "nav",
  "barnevern",
  "skole",
  "helse",
  "frivillighet",
] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Services that contribute a view of a person (`Person.<name>`). */
export const VIEW_SERVICES = ["nav", "barnevern", "skole", "helse", "frivillighet"] as const satisfies readonly ServiceName[];
export type ViewService = (typeof VIEW_SERVICES)[number];

export const DEFAULT_GATEWAY_PORT = 4000;

/** Subgraph ports sit 100 above the gateway's, in catalog order: 4101, 4102, … */
export function subgraphPort(service: ServiceName, gatewayPort = DEFAULT_GATEWAY_PORT): number {
  return gatewayPort + 101 + SERVICE_NAMES.indexOf(service);
}

/** The development identity provider sits 100 above the gateway's port: 4100 (subgraphs use 4101 and up). */
export function identityPort(gatewayPort = DEFAULT_GATEWAY_PORT): number {
  return gatewayPort + 100;
}

/** The web app's server sits 200 above the gateway's port: 4200. */
export function webPort(gatewayPort = DEFAULT_GATEWAY_PORT): number {
  return gatewayPort + 200;
}

export function isServiceName(value: string): value is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(value);
}
