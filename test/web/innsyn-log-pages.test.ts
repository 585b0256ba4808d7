// "Hvem har sett" merges every service's log, each read a page at a time, into
// one list newest first (web/src/innsyn/log-pages.ts): nothing is shown before
// an entry that an unread page could still put ahead of it, and the page read
// next is the one that lets the list go further back.
import { describe, expect, test } from "vitest";
import type { EntryFields } from "../../web/src/accessLog/words.ts";
import { inOrder, type Logs } from "../../web/src/innsyn/log-pages.ts";

const entry = (entryId: string, minute: number): EntryFields => ({
  entryId,
  at: new Date(Date.UTC(2026, 11, 7, 12, minute)).toISOString(),
  actorId: "nav-veileder-1",
  actorService: "NAV",
  personId: "p-1",
  categories: ["SERVICE_DATA"],
  caseId: null,
  decision: "GRANTED",
  reason: "CONSENT",
  basis: "CONSENT",
  basisReference: null,
  extraordinary: false,
});

const ids = (logs: Logs) => inOrder(logs).looks.map((l) => `${l.service}:${l.entry.entryId}`);

describe("the merged log of Hvem har sett", () => {
  test("with every log read to its end: all entries, newest first across the services", () => {
    const logs: Logs = {
      nav: { entries: [entry("n2", 50), entry("n1", 10)], endCursor: null, hasNextPage: false },
      helse: { entries: [entry("h1", 30)], endCursor: null, hasNextPage: false },
    };
    expect(ids(logs)).toEqual(["nav:n2", "helse:h1", "nav:n1"]);
    expect(inOrder(logs).next).toBeNull();
  });

  test("stops at the oldest loaded entry of a log that has more, and reads that log next", () => {
    const logs: Logs = {
      nav: { entries: [entry("n3", 55), entry("n2", 40)], endCursor: "c-nav", hasNextPage: true },
      helse: { entries: [entry("h2", 50), entry("h1", 20)], endCursor: null, hasNextPage: false },
    };
    // helse's h1 (12:20) waits: nav's next page may hold looks between 12:20 and 12:40.
    expect(ids(logs)).toEqual(["nav:n3", "helse:h2", "nav:n2"]);
    expect(inOrder(logs).next).toBe("nav");
  });

  test("of several logs with more, the one reaching least far back limits the list and is read next", () => {
    const logs: Logs = {
      nav: { entries: [entry("n2", 58), entry("n1", 45)], endCursor: "c-nav", hasNextPage: true },
      skole: { entries: [entry("s2", 50), entry("s1", 30)], endCursor: "c-skole", hasNextPage: true },
      helse: { entries: [entry("h1", 47)], endCursor: null, hasNextPage: false },
    };
    expect(ids(logs)).toEqual(["nav:n2", "skole:s2", "helse:h1", "nav:n1"]);
    expect(inOrder(logs).next).toBe("nav");
  });

  test("a log that says it has more but holds nothing loaded holds the whole list back", () => {
    const logs: Logs = {
      nav: { entries: [], endCursor: "c-nav", hasNextPage: true },
      helse: { entries: [entry("h1", 47)], endCursor: null, hasNextPage: false },
    };
    expect(ids(logs)).toEqual([]);
    expect(inOrder(logs).next).toBe("nav");
  });
});
