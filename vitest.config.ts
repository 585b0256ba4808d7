import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // One copy of graphql, or "Cannot use GraphQLObjectType from another module or realm".
    alias: { graphql: "graphql/index.js" },
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // expect.poll waits for what a request or a render changes: on two cores under a full run that can take seconds, not vitest's default 1 s.
    expect: { poll: { timeout: 10_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/*.test.ts"],
          // vitest's default is one worker fewer than the cores: one on two cores, where unit files then ran one at
          // a time. They are independent (own ports, databases and folders) and much of a file's time is spent
          // waiting on processes it started, so two at once: about a third less time for the project on two cores.
          maxWorkers: Math.max(2, availableParallelism() - 1),
        },
      },
      {
        extends: true,
        test: {
          name: "web",
          include: ["test/web/**/*.test.ts"],
          // Builds the app when web/dist is missing or older than its sources (web/build.ts).
          globalSetup: ["test/web/build.setup.ts"],
          // A browser test does several page loads, sign-ins and axe runs; under a full run's load they take a while.
          testTimeout: 90_000,
          // Browser suites start a server and Chromium each; on two shared cores, one file at a time.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          // One real federation for the whole project: every subgraph and the gateway over HTTP.
          globalSetup: ["test/support/federation.setup.ts"],
          // The suites share that federation and read its counters: one file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
