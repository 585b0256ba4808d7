// `npm start` on a fresh data folder: migrates, seeds, starts every process
// (from its bundle), shows each one's progress, prints the URLs and an example
// query that works, and stops cleanly on Ctrl-C.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT_DIR } from "../services/kit/config.ts";
import { exampleQuery } from "../scripts/lib/example.ts";
import { SERVICE_NAMES } from "../services/kit/catalog.ts";

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
        setTimeout(() => (clearInterval(timer), reject(new Error(`not started in time:\n${output}`))), 150_000).unref();
      });

      // Progress per process while it starts: each one's steps, each one's "ready".
      for (const name of [...SERVICE_NAMES, "gateway"]) {
        expect(output, name).toMatch(new RegExp(`^  ${name} +code loaded +[\\d.]+ s$`, "m"));
        expect(output, name).toMatch(new RegExp(`^  ${name} +ready +[\\d.]+ s$`, "m"));
      }
      expect(output).toMatch(/^  registry +embedded database open, migrations checked +[\d.]+ s$/m);
      expect(output).toContain(`http://localhost:${PORT}/graphql`);
      expect(output).toContain("query FamilyOverview");
      // The printed recipe works: a token from `npm run token` and the declared case.
      const example = exampleQuery();
      const token = execFileSync(process.execPath, ["--import", "tsx", "scripts/token.ts", example.user], {
        cwd: ROOT_DIR,
        env: { ...process.env, DATA_DIR: dataDir },
      }).toString().trim();
      expect(output).toContain(`x-case-id: ${example.caseId}`);
      const res = await fetch(`http://127.0.0.1:${PORT}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-case-id": example.caseId },
        body: JSON.stringify({ query: example.query, variables: example.variables }),
      });
      const body = (await res.json()) as { data: { family: { name: string; members: unknown[] } } };
      expect(body.data.family).toMatchObject({ name: "Berg" });
      expect(body.data.family.members).toHaveLength(4);
    } finally {
      child.kill("SIGINT");
      const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
      fs.rmSync(dataDir, { recursive: true, force: true });
      expect(code).toBe(0);
    }
    await expect(fetch(`http://127.0.0.1:${PORT}/healthcheck`)).rejects.toThrow();
  }, 180_000);
});
