// Global setup of the web project: the server and browser suites need web/dist
// built from the current sources; build it only when it is not.
import { ensureWebBuild } from "../../web/build.ts";

export default function setup(): void {
  ensureWebBuild((line) => console.log(`[web build] ${line}`));
}
