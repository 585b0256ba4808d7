// The API changelog (docs/api-changelog.md) as the schema gate reads it and
// `npm run schema:release` writes it: a section "## Unreleased" of entries
// written by hand since the last release, above one section per release.
// Only the unreleased entries excuse a breaking change: once released, the
// released schema has the change, and an old entry must not excuse a new one.

/** The shortest deprecation period the changelog may record for a breaking change: a quarter. */
export const MIN_DEPRECATION_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const isDate = (text: string) => ISO_DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));

/**
 * One breaking change as the changelog records it, on one line:
 *
 *   - **Breaking** `Person.oldName` removed: use `Person.givenName`. Deprecated 2026-09-01, removed 2026-12-01.
 *
 * Every `Type.field` (or `Type`, `Type.field.argument`, `Enum.VALUE`) in
 * backticks is named by the entry; the two dates are its deprecation period.
 */
export interface RecordedBreak {
  names: string[];
  deprecated: string;
  removed: string;
  line: string;
}

const BREAKING_ENTRY = /^\s*[-*] \*\*Breaking\*\*/;

/** The changelog's breaking-change entries, and the lines that look like one but lack what an entry needs. */
export function recordedBreaks(changelog: string): { entries: RecordedBreak[]; malformed: string[] } {
  const entries: RecordedBreak[] = [];
  const malformed: string[] = [];
  for (const line of unreleasedSection(changelog).split("\n").filter((l) => BREAKING_ENTRY.test(l))) {
    const names = [...line.matchAll(/`([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)`/g)].map((m) => m[1]!);
    const deprecated = /\bdeprecated (\d{4}-\d{2}-\d{2})\b/i.exec(line)?.[1];
    const removed = /\bremoved (\d{4}-\d{2}-\d{2})\b/i.exec(line)?.[1];
    if (names.length === 0 || !deprecated || !removed || !isDate(deprecated) || !isDate(removed)) {
      malformed.push(`${line.trim()} — an entry names what changed in backticks and gives "Deprecated YYYY-MM-DD, removed YYYY-MM-DD"`);
    } else if (Date.parse(removed) - Date.parse(deprecated) < MIN_DEPRECATION_DAYS * DAY_MS) {
      malformed.push(`${line.trim()} — the deprecation period is shorter than ${MIN_DEPRECATION_DAYS} days`);
    } else {
      entries.push({ names, deprecated, removed, line: line.trim() });
    }
  }
  return { entries, malformed };
}

export const UNRELEASED = "## Unreleased";
const NOTHING_YET = "Nothing yet.";

/** The text of the "## Unreleased" section (empty without one). */
export function unreleasedSection(changelog: string): string {
  const start = changelog.indexOf(`\n${UNRELEASED}\n`);
  if (start < 0) return "";
  const bodyStart = start + UNRELEASED.length + 2;
  const next = changelog.indexOf("\n## ", bodyStart);
  return changelog.slice(bodyStart, next < 0 ? undefined : next).trim();
}

/**
 * The changelog once a release is cut on `date`: the unreleased entries move
 * under a heading of their own, followed by every change the diff found
 * (`changes`, one line each), and the unreleased section starts empty again.
 */
export function releasedChangelog(changelog: string, date: string, changes: readonly string[]): string {
  const start = changelog.indexOf(`\n${UNRELEASED}\n`);
  if (start < 0) throw new Error(`docs/api-changelog.md has no "${UNRELEASED}" section.`);
  const body = unreleasedSection(changelog);
  const next = changelog.indexOf("\n## ", start + UNRELEASED.length + 2);
  const entries = body === NOTHING_YET ? "" : body;
  const found = changes.length === 0 ? "No change to the schema itself." : ["Every change to the schema, as GraphQL Inspector reports it:", "", ...changes.map((c) => `- ${c}`)].join("\n");
  const release = [`## ${date}`, "", ...(entries ? [entries, ""] : []), found].join("\n");
  return `${changelog.slice(0, start)}\n${UNRELEASED}\n\n${NOTHING_YET}\n\n${release}\n${next < 0 ? "" : changelog.slice(next)}`;
}
