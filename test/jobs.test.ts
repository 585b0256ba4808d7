// The kit's job runner (services/kit/jobs.ts): its options are checked when it is made, and its test
// hook is refused in production. How it runs against a database: test/e2e/notification-scheduler.test.ts.
import { describe, expect, it } from "vitest";
import pg from "pg";
import { ConfigError } from "../services/kit/env.ts";
import { subgraphConfig } from "../services/kit/config.ts";
import { createJobRunner, type JobOptions } from "../services/kit/jobs.ts";

const valid: JobOptions = { name: "retention", db: new pg.Pool(), intervalMs: 60_000, leaseMs: 120_000, run: async () => undefined };

describe("a job runner", () => {
  it("is made from valid options", () => {
    expect(createJobRunner(valid).name).toBe("retention");
  });

  it("refuses bad options when it is made, naming each", () => {
    expect(() => createJobRunner({ ...valid, name: "Retention job" })).toThrow(/name must be lower case letters, digits and dashes/);
    expect(() => createJobRunner({ ...valid, intervalMs: 0 })).toThrow(/intervalMs must be a whole number of at least 1/);
    expect(() => createJobRunner({ ...valid, leaseMs: 10 })).toThrow(/leaseMs must be a whole number of at least 1000/);
    expect(() => createJobRunner({ ...valid, checkpointDelayMs: -1, intervalMs: 1.5 })).toThrow(/intervalMs .*; checkpointDelayMs/);
  });
});

describe("the jobs' settings", () => {
  it("read from the environment, with defaults", () => {
    expect(subgraphConfig("samhandling", {}).jobs).toEqual({ enabled: true, leaseMs: 120_000, checkpointDelayMs: 0 });
    expect(subgraphConfig("samhandling", {}).notificationIntervalMs).toBe(60_000);
    const set = subgraphConfig("samhandling", { JOBS_ENABLED: "false", JOB_LEASE: "30s", NOTIFICATION_SCHEDULER_INTERVAL: "5min", HUB_TEST_JOB_CHECKPOINT_DELAY: "2s" });
    expect(set.jobs).toEqual({ enabled: false, leaseMs: 30_000, checkpointDelayMs: 2_000 });
    expect(set.notificationIntervalMs).toBe(300_000);
  });

  it("refuse the test hook in production, and a lease or interval under a second", () => {
    const production = { NODE_ENV: "production", HUB_SIGNING_SECRET: "a", HUB_INTERNAL_SIGNING_SECRET: "b" };
    expect(() => subgraphConfig("samhandling", { ...production, HUB_TEST_JOB_CHECKPOINT_DELAY: "1s" })).toThrow(/HUB_TEST_JOB_CHECKPOINT_DELAY is for tests/);
    expect(() => subgraphConfig("samhandling", { JOB_LEASE: "10ms", NOTIFICATION_SCHEDULER_INTERVAL: "1" })).toThrow(ConfigError);
  });
});
