// registry's demo data: the Fjordvik households and, when asked for, synthetic ones —
// written in fjordvik.ts and synthetic.ts, where every service's rows of a family are made together.
// A new service writes its rows here instead (docs/adding-a-service.md).
import { serviceDemo } from "../service-demo.ts";

export default serviceDemo((world) => world.registry);
