// The breaking-change gate (scripts/lib/schema-gate.ts, docs/api-changelog.md):
// the public schema against the last released one, in `npm test`. It must
// pass on the repository as committed, catch a real breaking change made to
// a copy of the schema in memory, and let an additive one through.
import fs from "node:fs";
import { Kind, parse, print, visit, type EnumValueDefinitionNode, type FieldDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { gateFailures, gatePasses, PUBLIC_SCHEMA, RELEASED_SCHEMA, repositoryGate, schemaGate } from "../scripts/lib/schema-gate.ts";
import { releasedChangelog, unreleasedSection } from "../scripts/lib/api-changelog.ts";

const released = fs.readFileSync(RELEASED_SCHEMA, "utf8");
const EMPTY_CHANGELOG = "# API changelog\n\n## Unreleased\n\nNothing yet.\n\n## 2026-12-07\n\nThe first release.\n";
const withEntries = (...lines: string[]) => EMPTY_CHANGELOG.replace("Nothing yet.", lines.join("\n"));

/** The released schema with one field of one type changed by `edit` (null removes it). */
function editField(sdl: string, type: string, field: string, edit: (node: FieldDefinitionNode) => FieldDefinitionNode | null): string {
  let found = false;
  const edited = visit(parse(sdl), {
    ObjectTypeDefinition(node) {
      if (node.name.value !== type) return undefined;
      const fields = (node.fields ?? []).flatMap((f) => {
        if (f.name.value !== field) return [f];
        found = true;
        const next = edit(f);
        return next ? [next] : [];
      });
      return { ...node, fields };
    },
  });
  expect(found, `${type}.${field} is in the schema`).toBe(true);
  return print(edited);
}

function editEnum(sdl: string, type: string, edit: (values: readonly EnumValueDefinitionNode[]) => EnumValueDefinitionNode[]): string {
  return print(visit(parse(sdl), { EnumTypeDefinition: (node) => (node.name.value === type ? { ...node, values: edit(node.values ?? []) } : undefined) }));
}

const stringField = (name: string, description: string): FieldDefinitionNode => ({
  kind: Kind.FIELD_DEFINITION,
  name: { kind: Kind.NAME, value: name },
  description: { kind: Kind.STRING, value: description, block: true },
  arguments: [],
  type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: "String" } },
});
const deprecated = (reason: string) => (f: FieldDefinitionNode): FieldDefinitionNode => ({
  ...f,
  directives: [{ kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: "deprecated" }, arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: "reason" }, value: { kind: Kind.STRING, value: reason } }] }],
});

describe("the breaking-change gate", () => {
  it("passes the repository: schema/public.graphql against schema/released/public.graphql and docs/api-changelog.md", async () => {
    const report = await repositoryGate();
    expect(gateFailures(report), "record it in docs/api-changelog.md (or, after a release, `npm run schema:release`)").toEqual([]);
    // The released copy is the public schema's form: the same printer, the same file shape.
    expect(released.endsWith("\n") && fs.readFileSync(PUBLIC_SCHEMA, "utf8").endsWith("\n")).toBe(true);
  });

  it("fails a removed field and a removed error code, naming each, until the changelog records them with a deprecation period", async () => {
    const current = editEnum(
      editField(released, "CoordinationCase", "title", () => null),
      "ErrorCode",
      (values) => values.filter((v) => v.name.value !== "FORBIDDEN"),
    );
    const unrecorded = await schemaGate(released, current, EMPTY_CHANGELOG);
    expect(gatePasses(unrecorded)).toBe(false);
    expect(unrecorded.unrecorded.map((c) => c.path).sort()).toEqual(["CoordinationCase.title", "ErrorCode.FORBIDDEN"]);
    expect(gateFailures(unrecorded).join("\n")).toMatch(/breaking, not in docs\/api-changelog\.md: CoordinationCase\.title/);

    // One recorded: the other still fails.
    const oneRecorded = await schemaGate(released, current, withEntries("- **Breaking** `CoordinationCase.title` removed: use `kind`. Deprecated 2026-12-07, removed 2027-03-08."));
    expect(oneRecorded.recorded.map((r) => r.change.path)).toEqual(["CoordinationCase.title"]);
    expect(oneRecorded.unrecorded.map((c) => c.path)).toEqual(["ErrorCode.FORBIDDEN"]);

    const both = await schemaGate(
      released,
      current,
      withEntries(
        "- **Breaking** `CoordinationCase.title` removed: use `kind`. Deprecated 2026-12-07, removed 2027-03-08.",
        "- **Breaking** `ErrorCode.FORBIDDEN` no longer sent. Deprecated 2026-12-07, removed 2027-03-08.",
      ),
    );
    expect(gateFailures(both)).toEqual([]);
  });

  it("refuses an entry without a deprecation period, or with one shorter than 90 days, and ignores entries of past releases", async () => {
    const current = editField(released, "CoordinationCase", "title", () => null);
    const noPeriod = await schemaGate(released, current, withEntries("- **Breaking** `CoordinationCase.title` removed."));
    expect(noPeriod.malformed).toHaveLength(1);
    expect(noPeriod.unrecorded.map((c) => c.path)).toEqual(["CoordinationCase.title"]);
    const short = await schemaGate(released, current, withEntries("- **Breaking** `CoordinationCase.title` removed. Deprecated 2026-12-01, removed 2027-01-01."));
    expect(short.malformed[0]).toMatch(/shorter than 90 days/);
    // An entry under an earlier release's heading excuses nothing now.
    const past = EMPTY_CHANGELOG.replace("The first release.", "- **Breaking** `CoordinationCase.title` removed. Deprecated 2026-01-01, removed 2026-06-01.");
    expect((await schemaGate(released, current, past)).unrecorded.map((c) => c.path)).toEqual(["CoordinationCase.title"]);
  });

  it("passes an additive change without an entry: a new field and a new error code", async () => {
    const current = editEnum(
      editField(released, "CoordinationCase", "title", (f) => f),
      "ErrorCode",
      (values) => [...values, { kind: Kind.ENUM_VALUE_DEFINITION, name: { kind: Kind.NAME, value: "SOMETHING_NEW" }, description: { kind: Kind.STRING, value: "A new code." } }],
    ).replace(/type CoordinationCase \{/, (m) => `${m}\n  """A new field."""\n  summary: String`);
    const report = await schemaGate(released, current, EMPTY_CHANGELOG);
    expect(gateFailures(report)).toEqual([]);
    expect([...new Set(report.other.map((c) => c.path))].sort()).toEqual(["CoordinationCase.summary", "ErrorCode.SOMETHING_NEW"]);
  });

  it("requires a deprecation to name the day the element goes", async () => {
    const undated = await schemaGate(released, editField(released, "CoordinationCase", "title", deprecated("Use kind.")), EMPTY_CHANGELOG);
    expect(undated.undated).toEqual(['CoordinationCase.title ("Use kind.")']);
    expect(gatePasses(undated)).toBe(false);
    const dated = await schemaGate(released, editField(released, "CoordinationCase", "title", deprecated("Use kind. Removed 2027-03-08.")), EMPTY_CHANGELOG);
    expect(gateFailures(dated)).toEqual([]);
    // The repository's schema holds to the same rule.
    expect((await repositoryGate()).undated).toEqual([]);
  });

  it("cuts a release: the unreleased entries move under the date with every change found, and excuse nothing afterwards", () => {
    const entry = "- **Breaking** `CoordinationCase.title` removed. Deprecated 2026-12-07, removed 2027-03-08.";
    const next = releasedChangelog(withEntries(entry), "2027-03-08", ["breaking: Field 'title' was removed from object type 'CoordinationCase'"]);
    expect(unreleasedSection(next)).toBe("Nothing yet.");
    expect(next).toMatch(/## Unreleased\n\nNothing yet\.\n\n## 2027-03-08\n\n- \*\*Breaking\*\* `CoordinationCase\.title`[^\n]*\n\nEvery change[^\n]*\n\n- breaking: Field 'title'/);
    expect(next).toContain("## 2026-12-07\n\nThe first release.");
  });
});
