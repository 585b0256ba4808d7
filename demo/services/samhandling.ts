// samhandling's demo data: the coordination cases, consents and their work —
// written in fjordvik.ts and synthetic.ts with the families they are about.
// A new service writes its rows here instead (docs/adding-a-service.md).
import { serviceDemo } from "../service-demo.ts";

export default serviceDemo((world) => world.samhandling);
