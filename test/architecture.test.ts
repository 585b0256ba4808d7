// The project's import graph: no cycle anywhere, and samhandling's rooms keep
// to their doors (services/samhandling/README.md).
//
// Type-only imports count. A cycle made of types alone costs nothing at run
// time, but it still means two modules cannot be read, moved or tested one
// without the other, which is what this test guards. Dynamic `import()` does
// not count: it is a deliberate late edge (the kit loads its server only when
// it runs one), not part of what a module needs to be read.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT_DIR = path.resolve(import.meta.dirname, "..");
/** Where the project's own TypeScript lives; folders that do not exist (yet) are skipped. */
const SOURCE_DIRS = ["gateway", "services", "identity", "scripts", "conformance", "bench", "test", "demo", "web", "deploy", "examples"];
const SOURCE_FILE = /\.(ts|tsx|mts|cts)$/;
/** Generated code and dependencies: not ours to shape, and never importing back into the project. */
const excluded = (rel: string) => rel.split("/").includes("node_modules") || /^prisma\/[^/]+\/generated\//.test(rel);

const toRel = (abs: string) => path.relative(ROOT_DIR, abs).split(path.sep).join("/");

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.name.startsWith(".") || excluded(toRel(abs))) continue;
      if (entry.isDirectory()) walk(abs);
      else if (SOURCE_FILE.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(toRel(abs));
    }
  };
  for (const dir of SOURCE_DIRS) if (fs.existsSync(path.join(ROOT_DIR, dir))) walk(path.join(ROOT_DIR, dir));
  for (const entry of fs.readdirSync(ROOT_DIR)) if (SOURCE_FILE.test(entry)) out.push(entry);
  return out.sort();
}

/** The module specifiers a file imports or re-exports statically (side-effect and type-only imports included). */
function specifiers(rel: string): string[] {
  const source = ts.createSourceFile(rel, fs.readFileSync(path.join(ROOT_DIR, rel), "utf8"), ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  for (const statement of source.statements) {
    if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      out.push(statement.moduleSpecifier.text);
    } else if (
      ts.isImportEqualsDeclaration(statement) &&
      ts.isExternalModuleReference(statement.moduleReference) &&
      ts.isStringLiteral(statement.moduleReference.expression)
    ) {
      out.push(statement.moduleReference.expression.text);
    }
  }
  return out;
}

/** A relative specifier as a project path (the project imports with explicit `.ts`; `.js` and bare paths resolve as TypeScript would). */
function resolve(from: string, specifier: string, known: ReadonlySet<string>): string {
  const base = toRel(path.resolve(ROOT_DIR, path.dirname(from), specifier));
  const candidates = [base, base.replace(/\.js$/, ".ts"), base.replace(/\.js$/, ".tsx"), `${base}.ts`, `${base}.tsx`, `${base}/index.ts`];
  return candidates.find((c) => known.has(c)) ?? base;
}

interface Graph {
  edges: Map<string, string[]>;
  /** Relative imports that name no project file: the graph would silently miss them. */
  unresolved: string[];
}

function importGraph(): Graph {
  const files = sourceFiles();
  const known = new Set(files);
  const edges = new Map<string, string[]>();
  const unresolved: string[] = [];
  for (const file of files) {
    const targets = new Set<string>();
    for (const specifier of specifiers(file)) {
      if (!specifier.startsWith(".")) continue; // a package
      const target = resolve(file, specifier, known);
      if (known.has(target)) targets.add(target);
      // A JSON file or the like is no module of ours; anything else the walk did not find is a hole in the graph.
      else if (!excluded(target) && (SOURCE_FILE.test(target) || !fs.existsSync(path.join(ROOT_DIR, target)))) unresolved.push(`${file} → ${specifier}`);
    }
    edges.set(file, [...targets].sort());
  }
  return { edges, unresolved };
}

interface Tangle {
  /** A shortest cycle through the tangle's first file (by name), to name in the failure. */
  cycle: string[];
  /** Every file on some cycle with it (a strongly connected component). */
  files: string[];
}

/** Every set of files that import each other in a circle (a file importing itself included). */
function tangles(edges: ReadonlyMap<string, readonly string[]>): Tangle[] {
  // Tarjan's algorithm, iterative so a deep graph cannot overflow the stack.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  for (const root of edges.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = edges.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1 || (edges.get(frame.node) ?? []).includes(frame.node)) components.push(component);
      }
    }
  }
  return components.map((component) => ({ cycle: oneCycle(edges, new Set(component)), files: component.sort() }));
}

/** How a failure names a tangle: one cycle, and the other files caught in it. */
const described = ({ cycle, files }: Tangle) =>
  cycle.join(" → ") + (files.length > new Set(cycle).size ? ` (and more cycles among ${files.join(", ")})` : "");

function oneCycle(edges: ReadonlyMap<string, readonly string[]>, component: ReadonlySet<string>): string[] {
  const start = [...component].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const target of edges.get(node) ?? []) {
      if (!component.has(target)) continue;
      if (target === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return [...path, start];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start];
}

const graph = importGraph();

// samhandling's rooms (services/samhandling/README.md). cases/ is what the
// others build on; consent/ and coordination/ never reach into each other; the
// shared top level (context, input, data, person facts) imports no room, and
// only index.ts, which puts the subgraph together, imports them all.
const SAMHANDLING = "services/samhandling/";
const ROOMS = ["cases", "consent", "coordination", "directory", "notifications", "archive"] as const;
type Room = (typeof ROOMS)[number];
/**
 * What one room may import from another: all of it, or only the named files
 * (its doors). A pair not listed may not import at all.
 */
/** The notifications room's door: the entry point every producer calls, and the kinds it names. */
const NOTIFY = ["notifications/record.ts", "notifications/kinds.ts"] as const;
const MAY_IMPORT: Record<Room, Partial<Record<Room, "all" | readonly string[]>>> = {
  // Opening and closing a case and changing its members move the consent epoch.
  // Every room that makes an event writes its notifications in the same transaction, through the one door.
  // Closing a case writes its archive package in the closing transaction, through the archive room's door.
  cases: { consent: ["consent/decision-change.ts"], directory: "all", notifications: NOTIFY, archive: ["archive/package.ts"] },
  consent: { cases: "all", directory: "all", notifications: NOTIFY },
  coordination: { cases: "all", notifications: NOTIFY },
  // Deactivating an employee changes who takes part in which case.
  directory: { consent: ["consent/decision-change.ts"] },
  // A notification is shown only while its recipient may read what it is about: in the case, its stafettlogg, its dates.
  notifications: { cases: "all", coordination: "all" },
  // Who gets a package is who holds the baton of a case the caller takes part in.
  archive: { cases: "all" },
};

/** The room of a samhandling file, "shared" for the top level, "index" for index.ts, null outside samhandling. */
function roomOf(file: string): Room | "shared" | "index" | null {
  if (!file.startsWith(SAMHANDLING)) return null;
  const inside = file.slice(SAMHANDLING.length);
  if (inside === "index.ts") return "index";
  const folder = inside.includes("/") ? inside.slice(0, inside.indexOf("/")) : null;
  if (folder === null) return "shared";
  if (!(ROOMS as readonly string[]).includes(folder)) throw new Error(`${file} is in no room: add its folder to ROOMS and MAY_IMPORT`);
  return folder as Room;
}

/** Every file named as a door in MAY_IMPORT. */
const DOORS = [...new Set(Object.values(MAY_IMPORT).flatMap((allowed) => Object.values(allowed).flatMap((a) => (a === "all" ? [] : a))))];

function roomViolations(edges: ReadonlyMap<string, readonly string[]>): string[] {
  const out: string[] = [];
  for (const [file, targets] of edges) {
    const from = roomOf(file);
    if (from === null || from === "index") continue;
    for (const target of targets) {
      const to = roomOf(target);
      if (to === null || to === "shared" || to === from) continue;
      if (from === "shared") {
        out.push(`${file} → ${target} (the shared top level imports no room)`);
        continue;
      }
      if (to === "index") {
        out.push(`${file} → ${target}`);
        continue;
      }
      const allowed = MAY_IMPORT[from][to];
      const inside = target.slice(SAMHANDLING.length);
      if (allowed !== "all" && !allowed?.includes(inside)) out.push(`${file} → ${target} (${from}/ may not import ${inside})`);
    }
  }
  // A door leads into its room only: it imports nothing of another room, so it cannot pull the caller's own room back in.
  for (const door of DOORS) {
    const room = roomOf(SAMHANDLING + door);
    for (const target of edges.get(SAMHANDLING + door) ?? []) {
      const to = roomOf(target);
      if (to !== null && to !== "shared" && to !== room) out.push(`${SAMHANDLING}${door} → ${target} (a door imports only its own room and the shared top level)`);
    }
  }
  return out.sort();
}

describe("the import graph", () => {
  it("sees the project", () => {
    // A walk that found nothing would pass every rule below.
    expect(graph.edges.size).toBeGreaterThan(100);
    expect(graph.edges.has("services/samhandling/index.ts")).toBe(true);
    expect(graph.edges.get("services/samhandling/index.ts")!.length).toBeGreaterThan(3);
  });

  it("resolves every relative import to a project file", () => {
    expect(graph.unresolved).toEqual([]);
  });

  it("has no cycle", () => {
    expect(tangles(graph.edges).map(described)).toEqual([]);
  });

  it("keeps samhandling's rooms apart", () => {
    for (const room of ROOMS) {
      // An empty or renamed room would pass the rule without being checked.
      expect([...graph.edges.keys()].filter((f) => f.startsWith(`${SAMHANDLING}${room}/`)).length, room).toBeGreaterThan(2);
    }
    for (const door of DOORS) {
      expect(graph.edges.has(SAMHANDLING + door), door).toBe(true);
    }
    expect(roomViolations(graph.edges)).toEqual([]);
  });

  it("finds a room crossing where there is one", () => {
    const planted = new Map<string, string[]>([
      [`${SAMHANDLING}consent/resolvers.ts`, [`${SAMHANDLING}cases/visibility.ts`, `${SAMHANDLING}coordination/rules.ts`]],
      [`${SAMHANDLING}cases/changes.ts`, [`${SAMHANDLING}consent/decision-change.ts`, `${SAMHANDLING}consent/competence.ts`]],
      [`${SAMHANDLING}data.ts`, [`${SAMHANDLING}cases/types.ts`]],
      [`${SAMHANDLING}consent/decision-change.ts`, [`${SAMHANDLING}context.ts`, `${SAMHANDLING}cases/visibility.ts`]],
      [`${SAMHANDLING}index.ts`, [`${SAMHANDLING}coordination/baton.ts`]],
    ]);
    expect(roomViolations(planted)).toEqual([
      `${SAMHANDLING}cases/changes.ts → ${SAMHANDLING}consent/competence.ts (cases/ may not import consent/competence.ts)`,
      `${SAMHANDLING}consent/decision-change.ts → ${SAMHANDLING}cases/visibility.ts (a door imports only its own room and the shared top level)`,
      `${SAMHANDLING}consent/resolvers.ts → ${SAMHANDLING}coordination/rules.ts (consent/ may not import coordination/rules.ts)`,
      `${SAMHANDLING}data.ts → ${SAMHANDLING}cases/types.ts (the shared top level imports no room)`,
    ]);
  });

  it("finds a cycle where there is one", () => {
    const planted = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts", "d.ts"]],
      ["d.ts", []],
      ["e.ts", ["e.ts"]],
    ]);
    expect(tangles(planted).map(described)).toEqual(["a.ts → b.ts → c.ts → a.ts", "e.ts → e.ts"]);
    planted.set("d.ts", ["b.ts"]);
    expect(tangles(planted).map(described)).toEqual(["a.ts → b.ts → c.ts → a.ts (and more cycles among a.ts, b.ts, c.ts, d.ts)", "e.ts → e.ts"]);
  });
});
