// The seed each service's server is handed: its own part of the demo world
// (`main(definition, { seed: demoSeed("nav") })` in services/<name>/index.ts),
// as its demo-data file demo/services/<name>.ts gives it. The world is
// imported only when the server seeds (SEED_DEMO), so a server that does not
// seed loads no demo data.
import type { ServiceName } from "../services/kit/catalog.ts";
import type { SeedProvider } from "../services/kit/subgraph.ts";

export function demoSeed(service: ServiceName): SeedProvider {
  return async (config) => {
    const { demoTables } = await import("./index.ts");
    return demoTables(service, config);
  };
}
