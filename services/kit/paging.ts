// Cursor paging, Relay style, for every list that grows with time: a
// connection (`edges { cursor node }`, `pageInfo { hasNextPage endCursor }`)
// asked for with `first` and `after`. A cursor is the sort key of the entry it
// stands for (e.g. its time and id), so the next page is a keyset read —
// `WHERE (at, id) > (…) ORDER BY at, id LIMIT first + 1` — that costs the same
// on page 1 and page 1000. Never OFFSET, and never a total count: a count would
// cost the whole list, and under access rules could tell of entries the caller
// may not read.
//
// Cursors are opaque to clients (base64url) but not secret: one only says
// where a list stands in its own order, so a forged one can move a page, never
// widen what the access rules let through. Each list tags its cursors with its
// name, so one list's cursor is refused by another.
import { ArgsType, Directive, Field, Int, ObjectType } from "type-graphql";
import type { ClassType } from "./federation.ts";
import { hubError } from "./errors.ts";

/** The largest page any connection gives (`first`); the default when `first` is left out. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** How one list's entries are ordered: the key a cursor carries, as strings, and back. */
export interface CursorCodec<Key> {
  /** The list's name, written into each of its cursors. */
  readonly list: string;
  encode(key: Key): string;
  /** The key, or BAD_USER_INPUT naming `after` when the cursor is not one of this list's. */
  decode(cursor: string): Key;
}

const CURSOR_LIMIT = 512;

/**
 * A list's cursors. `parts` turns a key into strings; `key` turns them back,
 * or returns null when they do not make one (then the cursor is refused).
 */
/** The refusal of a cursor that is not one of the list's own (also for one whose entry a list cannot place). */
export const refusedCursor = () =>
  hubError("BAD_USER_INPUT", "after is not a cursor from this list. Start again without after, or pass an endCursor this list gave you.", { field: "after" });

export function cursorCodec<Key>(list: string, parts: (key: Key) => string[], key: (parts: string[]) => Key | null): CursorCodec<Key> {
  const refused = refusedCursor;
  return {
    list,
    encode: (k) => Buffer.from(JSON.stringify([list, ...parts(k)]), "utf8").toString("base64url"),
    decode(cursor) {
      if (cursor.length === 0 || cursor.length > CURSOR_LIMIT || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw refused();
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
      } catch {
        throw refused();
      }
      if (!Array.isArray(parsed) || parsed[0] !== list || !parsed.every((p) => typeof p === "string")) throw refused();
      const k = key(parsed.slice(1) as string[]);
      if (k === null) throw refused();
      return k;
    },
  };
}

/** A time as a cursor part: its epoch milliseconds, exactly what timestamptz(3) keeps. */
export const timePart = (at: Date): string => String(at.getTime());

/** A cursor part back to a time, or null when it is none. */
export function timeFromPart(part: string | undefined): Date | null {
  if (part === undefined || !/^\d{1,15}$/.test(part)) return null;
  const at = new Date(Number(part));
  return Number.isNaN(at.getTime()) ? null : at;
}

/** Cursors of a list ordered by a time, then an id (e.g. newest first, ties by id): the commonest key. */
export const timeAndIdCursors = (list: string): CursorCodec<{ at: Date; id: string }> =>
  cursorCodec(
    list,
    (k) => [timePart(k.at), k.id],
    ([at, id, ...rest]) => {
      const time = timeFromPart(at);
      return time && id && rest.length === 0 ? { at: time, id } : null;
    },
  );

/** What a page asks for, checked: how many, and after which key (null: from the start). */
export interface PageRequest<Key> {
  first: number;
  after: Key | null;
  /** Rows to read: one more than the page, to know whether another page follows. */
  take: number;
}

/** Checks `first` (1..MAX_PAGE_SIZE, default DEFAULT_PAGE_SIZE) and decodes `after`; BAD_USER_INPUT for either. */
export function pageRequest<Key>(codec: CursorCodec<Key>, first: number | null | undefined, after: string | null | undefined): PageRequest<Key> {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw hubError("BAD_USER_INPUT", `first must be between 1 and ${MAX_PAGE_SIZE}.`, { field: "first" });
  return { first: size, after: after == null ? null : codec.decode(after), take: size + 1 };
}

export interface Edge<Node> {
  cursor: string;
  node: Node;
}

export interface Page<Node> {
  edges: Edge<Node>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * The page from the rows a keyset read returned (at most `take`, in order):
 * the first `first` of them, each with its cursor; a row beyond says another
 * page follows. `node` shapes a row for the API (the row itself by default).
 */
export function pageOf<Row, Key, Node = Row>(request: PageRequest<Key>, rows: readonly Row[], keyOf: (row: Row) => Key, codec: CursorCodec<Key>, node?: (row: Row) => Node): Page<Node> {
  const shown = rows.slice(0, request.first);
  const edges = shown.map((row) => ({ cursor: codec.encode(keyOf(row)), node: node ? node(row) : (row as unknown as Node) }));
  return { edges, pageInfo: { hasNextPage: rows.length > request.first, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** A connection's arguments: `@Args(() => PageArgs) page: PageArgs`, then `pageRequest(codec, page.first, page.after)`. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many entries: 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "The entries after this cursor (a page's endCursor); left out: from the start." })
  after?: string | null;
}

@Directive("@shareable")
@ObjectType({ description: "Where a page stands in its list: whether another follows, and the cursor to ask for it with (after)." })
export class PageInfo {
  @Field(() => Boolean, { description: "Whether another page follows this one. false on the last page." })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: "The cursor of this page's last entry: pass it as after for the next page. null when the page is empty." })
  endCursor!: string | null;
}

const connections = new Map<string, ClassType>();

/**
 * A connection type for `node`, named `<name>Connection` with edges
 * `<name>Edge`. Made once per name (type-graphql keeps every type it has seen),
 * so the factory that asks again, e.g. once per service, gets the same class.
 * Shareable: several subgraphs may answer the same connection type.
 */
export function connectionType(name: string, node: ClassType, description: string): ClassType {
  const known = connections.get(name);
  if (known) return known;

  @Directive("@shareable")
  @ObjectType(`${name}Edge`, { description: `One entry of a ${name}Connection, with its cursor.` })
  class EdgeType {
    @Field(() => String, { description: "This entry's place in the list: pass it as after to get the entries that follow it." })
    cursor!: string;

    @Field(() => node, { description: "The entry." })
    node!: unknown;
  }

  @Directive("@shareable")
  @ObjectType(`${name}Connection`, { description })
  class ConnectionType {
    @Field(() => [EdgeType], { description: `This page's entries, in the list's order: at most first (${MAX_PAGE_SIZE} at most).` })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: "Whether another page follows, and its cursor." })
    pageInfo!: PageInfo;
  }

  connections.set(name, ConnectionType);
  return ConnectionType;
}
