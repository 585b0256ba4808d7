// Vite builds web/src into web/dist (npm run web:build) and serves it with hot
// reload (npm run web:dev). The dev server answers /config.json from the same
// settings as the web server (web/config.ts), so both run the app alike.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { webConfig } from "./config.ts";

const WEB_DIR = path.dirname(fileURLToPath(import.meta.url));

function runtimeConfigPlugin(): Plugin {
  return {
    name: "hub-runtime-config",
    configureServer(server) {
      server.middlewares.use("/config.json", (_req, res) => {
        res.setHeader("content-type", "application/json; charset=utf-8");
        res.setHeader("cache-control", "no-store");
        res.end(JSON.stringify(webConfig().runtime));
      });
    },
  };
}

export default defineConfig(({ command }) => ({
  root: WEB_DIR,
  plugins: [react(), runtimeConfigPlugin()],
  // Only read for `vite` (dev): the web server is its own process in every other case.
  server: command === "serve" ? { port: webConfig().port, host: webConfig().host, strictPort: true } : undefined,
  build: {
    outDir: path.join(WEB_DIR, "dist"),
    emptyOutDir: true,
    sourcemap: false,
    // Every asset a file of its own: the CSP allows data: only for images.
    assetsInlineLimit: 0,
    // The bundle budget is checked by the build itself (web/build.ts), against gzipped sizes.
    reportCompressedSize: false,
    rolldownOptions: {
      treeshake: {
        // Designsystemet's React package declares no `sideEffects`, so every component it exports would
        // be bundled; its modules only define components (the web-component side effects live in
        // @digdir/designsystemet-web, which stays as it is), so unused ones may go.
        moduleSideEffects: (id) => (/[\\/]@digdir[\\/]designsystemet-react[\\/]dist[\\/].*\.js$/.test(id) ? false : undefined),
      },
    },
  },
}));
