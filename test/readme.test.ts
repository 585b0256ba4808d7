// The README and docs/: the two commands a newcomer needs first, links that
// stay inside the repository and resolve in a clone, and GraphQL examples
// that work against the public schema.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { ROOT_DIR } from "../services/kit/config.ts";

const DOCS = [
  "README.md",
  ...fs
    .readdirSync(path.join(ROOT_DIR, "docs"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/${f.split(path.sep).join("/")}`),
];
const text = (rel: string) => fs.readFileSync(path.join(ROOT_DIR, rel), "utf8");
const withoutCode = (markdown: string) => markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");

/** What a clone holds: the tracked files and the folders they are in. */
const tracked = new Set(execFileSync("git", ["ls-files"], { cwd: ROOT_DIR, encoding: "utf8" }).split("\n").filter(Boolean));
const inRepo = (rel: string) => tracked.has(rel) || [...tracked].some((f) => f.startsWith(`${rel}/`));

/** GitHub's anchor for a heading. */
const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, "").replace(/\s/g, "-");
const anchors = (rel: string) => new Set([...text(rel).matchAll(/^#+ (.+)$/gm)].map((m) => slug(m[1]!)));

/** Every Markdown link outside code: [file, target]. */
const links = DOCS.flatMap((file) => [...withoutCode(text(file)).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => [file, m[1]!] as const));

describe("README.md", () => {
  it("opens with the two commands: start it and test it", () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(text("README.md"));
    expect(text("README.md").slice(0, firstBlock!.index).split("\n").length, "the commands come first").toBeLessThan(5);
    expect(firstBlock![1]!.split("\n").filter(Boolean).map((l) => l.replace(/\s+#.*$/, ""))).toEqual(["npm ci && npm start", "npm ci && npm test"]);
  });

  it("links into the documentation", () => {
    for (const doc of DOCS.filter((d) => d.startsWith("docs/") && d !== "docs/README.md")) expect(text("README.md"), doc).toContain(`](${doc})`);
  });
});

describe("links in README.md and docs/", () => {
  it("there are some to check", () => {
    expect(links.length).toBeGreaterThan(50);
  });

  it.each(links.filter(([, target]) => !/^[a-z]+:/.test(target)).map(([file, target]) => [file, target]))("%s → %s is a file or folder of the repository", (file, target) => {
    const [where, anchor] = target.split("#") as [string, string | undefined];
    const rel = where ? path.posix.normalize(path.posix.join(path.posix.dirname(file), where)).replace(/\/$/, "") : file;
    expect(rel.startsWith(".."), "a link must not leave the repository (nothing outside it is in a clone)").toBe(false);
    expect(inRepo(rel), `${rel} is not in the repository`).toBe(true);
    if (anchor) expect(anchors(rel), `${rel} has no heading for #${anchor}`).toContain(anchor);
  });

  it("go to the web only over https, never to the design notes outside the repository", () => {
    for (const [file, target] of links) {
      expect(target, file).not.toMatch(/shared\/(DESIGN|DOMAIN|STACK)\.md/);
      if (/^[a-z]+:/.test(target)) expect(target, file).toMatch(/^https:\/\/|^http:\/\/localhost[:/]/);
    }
  });
});

// docs/coordinators-guide.md's screenshots (npm run docs:screenshots writes them): each one it shows is
// there and small enough to send round, and none is left over that it no longer shows.
const GUIDE = "docs/coordinators-guide.md";
const GUIDE_IMAGES = "docs/images/coordinators-guide";
const MAX_IMAGE_BYTES = 250 * 1024;
const guideImages = [...text(GUIDE).matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => path.posix.join("docs", m[1]!));

describe(`the screenshots in ${GUIDE}`, () => {
  it("one for each main step", () => {
    expect(guideImages.length).toBeGreaterThanOrEqual(10);
  });

  it.each(guideImages)("%s is in the repository, a PNG under 250 KB", (image) => {
    expect(image.startsWith(`${GUIDE_IMAGES}/`) && image.endsWith(".png"), "the guide's pictures live in one folder").toBe(true);
    expect(tracked.has(image), `${image} is not committed: run \`npm run docs:screenshots\``).toBe(true);
    expect(fs.statSync(path.join(ROOT_DIR, image)).size).toBeLessThan(MAX_IMAGE_BYTES);
  });

  it("every picture in their folder is shown by the guide", () => {
    const inFolder = [...tracked].filter((f) => f.startsWith(`${GUIDE_IMAGES}/`));
    expect(inFolder.filter((f) => !guideImages.includes(f))).toEqual([]);
  });
});

const schema = buildSchema(text("schema/public.graphql"));
const examples = DOCS.flatMap((file) => [...text(file).matchAll(/```graphql\n([\s\S]*?)```/g)].map((m, i) => [`${file} #${i + 1}`, m[1]!] as const));

describe("GraphQL examples in README.md and docs/", () => {
  it("there are some", () => {
    expect(examples.length).toBeGreaterThan(2);
  });

  it.each(examples)("%s validates against schema/public.graphql", (_where, document) => {
    expect(validate(schema, parse(document)).map((e) => e.message)).toEqual([]);
  });
});
