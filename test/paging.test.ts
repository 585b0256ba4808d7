// The kit's cursor paging (services/kit/paging.ts): cursors round-trip and are
// refused when malformed or from another list, `first` is checked, and a page
// cut from a keyset read says whether another follows. Through the gateway:
// test/e2e/paging.test.ts.
import "reflect-metadata";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { cursorCodec, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageOf, pageRequest, timeFromPart, timePart, type Page, type PageRequest } from "../services/kit/paging.ts";

type Key = { at: Date; id: string };
const codec = cursorCodec<Key>(
  "test-list",
  (k) => [timePart(k.at), k.id],
  ([at, id]) => {
    const time = timeFromPart(at);
    return time && id ? { at: time, id } : null;
  },
);

const codeOf = (run: () => unknown): unknown => {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(GraphQLError);
    return (err as GraphQLError).extensions.code;
  }
  return "no error";
};

describe("cursors", () => {
  it("round-trip a key, opaque and URL-safe", () => {
    const key = { at: new Date("2026-12-07T10:11:12.345Z"), id: "sl_1" };
    const cursor = codec.encode(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain("sl_1");
    expect(codec.decode(cursor)).toEqual(key);
  });

  it("refuse a malformed cursor with BAD_USER_INPUT and a plain message", () => {
    for (const bad of ["", "not a cursor!", "abc", Buffer.from("[1,2]").toString("base64url"), Buffer.from('["test-list","x","y"]').toString("base64url"), "A".repeat(600)]) {
      expect(codeOf(() => codec.decode(bad)), bad).toBe("BAD_USER_INPUT");
    }
    try {
      codec.decode("abc");
    } catch (err) {
      expect((err as GraphQLError).message).toMatch(/after is not a cursor from this list/);
      expect((err as GraphQLError).extensions.field).toBe("after");
    }
  });

  it("refuse another list's cursor", () => {
    const other = cursorCodec<Key>("other-list", (k) => [timePart(k.at), k.id], ([at, id]) => ({ at: timeFromPart(at)!, id: id! }));
    expect(codeOf(() => codec.decode(other.encode({ at: new Date(0), id: "x" })))).toBe("BAD_USER_INPUT");
  });
});

describe("pageRequest", () => {
  it("defaults first and reads one row more than the page", () => {
    expect(pageRequest(codec, null, null)).toEqual({ first: DEFAULT_PAGE_SIZE, after: null, take: DEFAULT_PAGE_SIZE + 1 });
    expect(pageRequest(codec, MAX_PAGE_SIZE, undefined).take).toBe(MAX_PAGE_SIZE + 1);
  });

  it("refuses first outside 1..MAX_PAGE_SIZE", () => {
    for (const first of [0, -1, MAX_PAGE_SIZE + 1, 1.5]) expect(codeOf(() => pageRequest(codec, first, null)), String(first)).toBe("BAD_USER_INPUT");
  });

  it("decodes after", () => {
    const key = { at: new Date(5), id: "a" };
    expect(pageRequest(codec, 2, codec.encode(key)).after).toEqual(key);
  });
});

describe("pageOf", () => {
  const rows = Array.from({ length: 5 }, (_, i) => ({ at: new Date(1000 + i), id: `e${i}` }));
  const keyOf = (r: Key) => r;

  it("pages through a list, each entry once, in order, the last page saying so", () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const request: PageRequest<Key> = pageRequest(codec, 2, after);
      const from = request.after ? rows.findIndex((r) => r.at > request.after!.at || (r.at.getTime() === request.after!.at.getTime() && r.id > request.after!.id)) : 0;
      const read = from < 0 ? [] : rows.slice(from, from + request.take);
      const page: Page<string> = pageOf(request, read, keyOf, codec, (r) => r.id);
      seen.push(...page.edges.map((e) => e.node));
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(rows.map((r) => r.id));
    expect(pages).toBe(3);
  });

  it("gives an empty page no endCursor", () => {
    expect(pageOf(pageRequest(codec, 3, null), [], keyOf, codec)).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });
});
