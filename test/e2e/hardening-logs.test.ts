// The shared federation's log, read while the run goes on: one structured JSON
// entry per line, a request's entries with the request's id, and no personal
// data of anyone the run seeded (demo and synthetic persons, employees). The
// global teardown scans the whole log again when every suite is done.
import net from "node:net";
import fs from "node:fs";
import { describe, expect, it, inject } from "vitest";
import { subgraphPort } from "../../services/kit/catalog.ts";
import { malformedLogLines, personalDataInLog } from "../support/log-scan.ts";
import { TEST_SYNTHETIC_FAMILIES } from "../support/pglite-template.ts";
import { eventually } from "../support/own-federation.ts";

const log = () => fs.readFileSync(inject("logFile"), "utf8");

/** A request to a subgraph whose client goes away in the middle of the body: the server fails reading it. */
function abortedRequest(port: number, requestId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.write(
        `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Request-Id: ${requestId}\r\nContent-Length: 1000\r\n\r\n{"query":`,
        () => setTimeout(() => {
          socket.destroy();
          resolve();
        }, 200),
      );
    });
    socket.on("error", reject);
  });
}

describe("the federation's log", () => {
  it("writes a request's failure as one JSON entry carrying the request's id", async () => {
    const id = `log-test-${Date.now()}`;
    await abortedRequest(subgraphPort("nav", inject("gatewayPort")), id);
    let entry: Record<string, unknown> | undefined;
    expect(
      await eventually(async () => {
        entry = log()
          .split("\n")
          .filter((l) => l.includes(id))
          .map((l) => JSON.parse(l) as Record<string, unknown>)[0];
        return entry !== undefined;
      }, 10_000),
      "no log line for the aborted request",
    ).toBe(true);
    expect(entry).toMatchObject({ level: "error", component: "http", msg: "request failed", requestId: id });
  });

  it("holds only structured JSON entries, each request's with its id", () => {
    expect(malformedLogLines(log())).toEqual([]);
  });

  it("holds no name or national id of anyone the run seeded", () => {
    expect(personalDataInLog(log(), { syntheticFamilies: Number(TEST_SYNTHETIC_FAMILIES) })).toEqual([]);
  });
});
