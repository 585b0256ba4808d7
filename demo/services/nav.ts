// NAV's demo data: follow-ups and measures — written in fjordvik.ts and
// synthetic.ts, where a family's story is told across its services at once.
// A new service writes its rows here instead (docs/adding-a-service.md).
import { serviceDemo } from "../service-demo.ts";

export default serviceDemo((world) => world.nav);
