import type { ServiceName } from "../services/kit/catalog.ts";
import type { SubgraphConfig } from "../services/kit/config.ts";
import type { SeedTables } from "../services/kit/db/seed.ts";
import { fjordvik } from "./fjordvik.ts";
import { loadServiceDemo } from "./service-demo.ts";
import { mergeWorlds, syntheticWorld } from "./synthetic.ts";
import type { World } from "./world.ts";

type WorldConfig = Pick<SubgraphConfig, "syntheticFamilies" | "syntheticSeed">;

/** The Fjordvik demo families, plus synthetic ones when configured (tests, benchmarks). */
export function demoWorld(config: WorldConfig): World {
  const demo = fjordvik();
  if (config.syntheticFamilies === 0) return demo;
  return mergeWorlds(demo, syntheticWorld({ families: config.syntheticFamilies, seed: config.syntheticSeed }));
}

/** A service's tables in the demo world, as its demo-data file (demo/services/<name>.ts) makes them. */
export async function demoTables(service: ServiceName, config: WorldConfig): Promise<SeedTables> {
  return (await loadServiceDemo(service)).rows(demoWorld(config));
}
