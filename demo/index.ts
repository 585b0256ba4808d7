import type { SubgraphConfig } from "../services/kit/config.ts";
import { fjordvik } from "./fjordvik.ts";
import { mergeWorlds, syntheticWorld } from "./synthetic.ts";
import type { World } from "./world.ts";

/** The Fjordvik demo families, plus synthetic ones when configured (tests, benchmarks). */
export function demoWorld(config: Pick<SubgraphConfig, "syntheticFamilies" | "syntheticSeed">): World {
  const demo = fjordvik();
  if (config.syntheticFamilies === 0) return demo;
  return mergeWorlds(demo, syntheticWorld({ families: config.syntheticFamilies, seed: config.syntheticSeed }));
}
