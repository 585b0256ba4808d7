// `npm start` on a fresh data folder: migrates, seeds, starts every process —
// the identity provider and the web app too, each subgraph and the gateway
// from its bundle, showing each one's progress — prints the URLs and a recipe
// that works as printed (a token from the provider, the example query), and
// stops cleanly on Ctrl-C.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT_DIR } from "../services/kit/config.ts";
import { exampleQuery } from "../scripts/lib/example.ts";
import { identityPort, SERVICE_NAMES, webPort } from "../services/kit/catalog.ts";

const PORT = Number(process.env.TEST_GATEWAY_PORT ?? 14000) + 1000;

describe("npm start", () => {
  it("starts the federation with demo data, prints how to use it, and stops on SIGINT", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-start-"));
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: ROOT_DIR,
      env: { ...process.env, GATEWAY_PORT: String(PORT), DATA_DIR: dataDir, DATABASE_URL_TEMPLATE: "", LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          if (output.includes("Ctrl-C stops everything")) resolve();
          if (child.exitCode !== null) reject(new Error(`npm start exited early:\n${output}`));
        }, 200);
        child.once("exit", () => clearInterval(timer));
        // A fresh data folder seeds every database, and a changed web app is built first.
        setTimeout(() => (clearInterval(timer), reject(new Error(`not started in time:\n${output}`))), 240_000).unref();
      });

      // Progress per process while it starts: each one's steps, each one's "ready".
      for (const name of [...SERVICE_NAMES, "gateway"]) {
        expect(output, name).toMatch(new RegExp(`^  ${name} +code loaded +[\\d.]+ s$`, "m"));
        expect(output, name).toMatch(new RegExp(`^  ${name} +ready +[\\d.]+ s$`, "m"));
      }
      expect(output).toMatch(/^  registry +embedded database open, migrations checked +[\d.]+ s$/m);
      expect(output).toContain(`http://localhost:${PORT}/graphql`);
      expect(output).toContain(`Identity provider     http://localhost:${identityPort(PORT)}`);
      expect(output).toContain(`Web app               http://localhost:${webPort(PORT)}/`);
      expect(output).toContain("query FamilyOverview");
      const example = exampleQuery();
      expect(output).toContain(`x-case-id: ${example.caseId}`);

      // The recipe, run by a shell exactly as printed (a token from the provider, then curl), in the project's folder.
      const lines = output.split("\n");
      const first = lines.findIndex((line) => line.trim().startsWith("TOKEN=$("));
      expect(first, output).toBeGreaterThan(0);
      const recipe = lines.slice(first, first + 4).map((line) => line.trim()).join("\n");
      expect(recipe).toMatch(/^TOKEN=\$\(GATEWAY_PORT=\d+ npm run -s token -- coordinator\)\ncurl -s .*\\\n.*\\\n\s*-d '.*'$/s);
      const answer = execFileSync("bash", ["-c", `cd ${JSON.stringify(ROOT_DIR)} && ${recipe}`], { env: process.env, encoding: "utf8", timeout: 60_000 });
      const body = JSON.parse(answer) as { data: { family: { name: string; members: unknown[] } } };
      expect(body.data.family).toMatchObject({ name: "Berg" });
      expect(body.data.family.members).toHaveLength(4);

      // The web app answers, and signs people in at this provider.
      const page = await fetch(`http://127.0.0.1:${webPort(PORT)}/`);
      expect(page.status).toBe(200);
      expect(await (await fetch(`http://127.0.0.1:${webPort(PORT)}/config.json`)).json()).toMatchObject({
        gatewayUrl: `http://127.0.0.1:${PORT}/graphql`,
        oidc: { issuer: `http://localhost:${identityPort(PORT)}`, clientId: "samhandling-web" },
      });
    } finally {
      child.kill("SIGINT");
      const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
      fs.rmSync(dataDir, { recursive: true, force: true });
      expect(code).toBe(0);
    }
    await expect(fetch(`http://127.0.0.1:${PORT}/healthcheck`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${identityPort(PORT)}/healthz`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${webPort(PORT)}/healthz`)).rejects.toThrow();
  }, 300_000);
});
