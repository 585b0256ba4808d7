// The gateway's log keeps Hive's messages but drops attributes that could carry personal data.
import { afterEach, describe, expect, it, vi } from "vitest";
import { gatewayLogger } from "../gateway/log.ts";

afterEach(() => vi.restoreAllMocks());

describe("gateway log", () => {
  it("writes JSON lines with only allow-listed attributes", () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const log = gatewayLogger("info");
    log.error({ requestId: "r-1", subgraph: "nav", body: { variables: { note: "Sara Haugland 14039280000" } }, error: { message: "Sara" } }, "Failed to fetch");
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: "error", component: "gateway", msg: "Failed to fetch", requestId: "r-1", subgraph: "nav" });
    expect(lines[0]).not.toContain("Sara");
    expect(lines[0]).not.toContain("14039280000");
  });
});
