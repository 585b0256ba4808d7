// The fixed part of bench/RESULTS.md: how the numbers were made.
export const METHOD = `## Method

- **Databases.** One PostgreSQL database per service and municipality size (\`hub_bench_f<families>s<seed>_<service>\`, from
  \`DATABASE_URL_TEMPLATE\`), seeded once by the subgraphs' own start-up seeding (\`SEED_SYNTHETIC_FAMILIES\`,
  \`SEED_SYNTHETIC_SEED\`); an empty database \`…_seeded\` marks a finished seed and later runs skip it
  (\`SEED_DEMO=false\`). \`BENCH_DB=pglite\` uses the embedded default instead (files under \`data/bench/\`).
- **Processes.** Two federations run side by side on the same databases: A (gateway :19000, subgraphs :19101–19107) with
  full rules, B (:19200, :19301–19307) with \`HUB_BENCH_RULES_OFF=1\` (kit/bench-switch.ts: every decision granted, no
  access-log write; refused in production unless \`BENCH=1\`). The peer (\`@apollo/gateway\` 2.x in Apollo Server,
  bench/peer-gateway.ts, :19080) serves the same \`schema/supergraph.graphql\` over B's subgraphs and signs its calls
  with the same serializer. In either mode the benchmark is the identity provider (a discovery document and RS256 JWKS
  on :19090, Entra-shaped tokens), trusted through an identity mapping file as production trusts its providers, so
  every request's token is verified and mapped; production mode takes its secrets from the environment.
- **The floor.** A capture gateway (the same gateway code, :19050) sends every request of the list once through
  recording proxies to A's subgraphs. The floor replays exactly those subgraph requests straight to A's subgraphs,
  re-signed per request with the kit's signing (fresh request id and time, same claims and purpose), level by level
  (a call is on the level after the last call that had answered before it started; requests a busy machine disturbed
  are re-levelled to the most common plan), each level in parallel. Pool size per subgraph: \`BENCH_POOL_SIZE\` (4), as
  14 subgraph processes share PostgreSQL's default 100 connections.
- **Latency** at 1 connection: the benchmark's own closed-loop client (node:http keep-alive, \`performance.now()\`), the
  same code for all four. **Saturation:** autocannon for the three gateways, the benchmark's own client for the floor
  (autocannon cannot fan one request out to five servers), each after a short warm-up.
- **CPU** per request: utime+stime from \`/proc/<pid>/stat\` of every process before and after each saturation run,
  divided by the requests sent (the counters are read after the last answers arrived). "PostgreSQL" is the backends
  serving the benchmark's databases (pids from \`pg_stat_activity\`, CPU from /proc); "Redis" is the redis-server
  (pid from \`INFO server\`), which only A uses. **Memory:** VmRSS and VmHWM from \`/proc/<pid>/status\`.
- Every answer is checked (HTTP 200, \`data\`, no \`errors\`); the error column counts the others.
- Absolute numbers depend on the machine and on what else runs on it; ratios measured side by side in one run are what
  to compare.
`;

/** Where the hand-written notes begin; `npm run bench` keeps everything from here on. */
export const NOTES_HEADING = "## Notes on this run (by hand; a new run rewrites everything above)";
