// The seed each service's server is handed: its own part of the demo world
// (`main(definition, { seed: demoSeed("nav") })` in services/<name>/index.ts).
// The world is imported only when the server seeds (SEED_DEMO), so a server
// that does not seed loads no demo data.
import type { SeedProvider } from "../services/kit/subgraph.ts";
import type { World } from "./world.ts";

export function demoSeed(service: keyof World): SeedProvider {
  return async (config) => {
    const { demoWorld } = await import("./index.ts");
    return demoWorld(config)[service];
  };
}
