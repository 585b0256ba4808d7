// Saturation through a gateway with autocannon: every connection sends the
// next request of the list (different cases and actors in turn).
import autocannon from "autocannon";
import type { DriveResult } from "./driver.ts";
import { errorCodes } from "./http.ts";

export interface HttpRequestSpec {
  headers: Record<string, string>;
  body: string;
}

export async function saturate(url: string, list: readonly HttpRequestSpec[], connections: number, seconds: number): Promise<DriveResult> {
  let next = 0;
  let errors = 0;
  const problems: Record<string, number> = {};
  const result = await autocannon({
    url,
    method: "POST",
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest(request) {
          const spec = list[next++ % list.length]!;
          return { ...request, method: "POST", headers: { ...spec.headers, "content-type": "application/json" }, body: spec.body };
        },
        onResponse(status, body) {
          if (status === 200 && !body.includes('"errors"')) return;
          errors++;
          const problem = errorCodes({ status, body });
          problems[problem] = (problems[problem] ?? 0) + 1;
        },
      },
    ],
  });
  const requests = result.requests.total;
  if (result.errors > 0) problems["connection errors"] = result.errors;
  if (result.timeouts > 0) problems.timeouts = result.timeouts;
  return {
    requests,
    sent: result.requests.sent,
    errors: errors + result.errors + result.timeouts,
    problems,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    throughput: requests / result.duration,
  };
}
