// Who gets a closed case's archive package, and how: the stafettholder (or
// coordinator) who held the baton at close downloads it (`caseArchive`); the
// municipality's archive lists the packages it has not fetched and
// acknowledges each (`archivePackages`, `acknowledgeArchivePackage`) with its
// machine client (scope samhandling:archive). Anyone else — another member, a
// citizen, someone outside the case — gets the answer for an unknown case, so
// the question tells nothing of whether the case or its package exists. Every
// package given out is logged in the access log, once per subject of the case.
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { CaseArchive as ArchiveRow } from "../../../prisma/samhandling/generated/client.ts";
import { hubError } from "../../kit/errors.ts";
import { basisNaming, BASIS_TEXTS } from "../../kit/access-values.ts";
import { callerOf, type Context } from "../context.ts";
import { ARCHIVE_SCOPE, isAuditor } from "../../kit/auth/caller.ts";
import { requiredId } from "../input.ts";
import { caseNotFound, isActive, requireCaseScope } from "../cases/visibility.ts";
import { renderArchivePackage } from "./package.ts";
import { archiveFiles } from "./files.ts";
import { CaseArchive } from "./types.ts";

const MAX_PACKAGES = 20;

type Rendered = ArchiveRow & { pdf: Uint8Array; metadataJson: Uint8Array };

function shown(row: Rendered): CaseArchive {
  return Object.assign(new CaseArchive(), { caseId: row.caseId, systemId: row.systemId, closedAt: row.closedAt, fetchedAt: row.fetchedAt, ...archiveFiles(row.caseId, row.pdf, row.metadataJson) });
}

/** The package with its files: rendered now if the close's render and the job have not yet. */
async function rendered(ctx: Context, row: ArchiveRow): Promise<Rendered> {
  if (row.pdf !== null && row.metadataJson !== null) return row as Rendered;
  await renderArchivePackage(ctx.loaders.archiveDb, row.caseId);
  const again = await ctx.loaders.archiveDb.caseArchive.findUniqueOrThrow({ where: { caseId: row.caseId } });
  if (again.pdf === null || again.metadataJson === null) throw hubError("SERVICE_UNAVAILABLE", "The archive copy is being made. Try again in a minute.");
  return again as Rendered;
}

const subjectsOf = async (ctx: Context, caseId: string) => (await ctx.loaders.subjectsOfCase.load(caseId)).map((s) => s.personId);

function requireArchiveClient(ctx: Context): string {
  const caller = callerOf(ctx);
  if (caller.kind !== "machine" || !caller.scopes.includes(ARCHIVE_SCOPE)) {
    throw hubError("FORBIDDEN", `Only the municipality's archive fetches archive packages: its machine client, with the scope ${ARCHIVE_SCOPE}.`);
  }
  return caller.clientId;
}

@Resolver()
export class CaseArchiveResolver {
  @Query(() => CaseArchive, {
    description:
      "A closed case's archive copy (PDF and JSON), for the stafettholder or coordinator who closed it. Declare the case (X-Case-Id). " +
      "Anyone else, and an open case, gets NOT_FOUND, as for an unknown case. Each download is logged in the subjects' access log.",
  })
  async caseArchive(@Arg("caseId", () => ID, { description: "The closed case." }) caseId: string, @Ctx() ctx: Context): Promise<CaseArchive> {
    requiredId(caseId, "caseId");
    // An employee reads a case's data only within the declared case (ids compared only: it reveals nothing).
    requireCaseScope(ctx, caseId);
    const caller = callerOf(ctx);
    const found = await ctx.loaders.case.load(caseId);
    if (!found) throw caseNotFound();
    const subjects = await subjectsOf(ctx, caseId);
    const row = await ctx.loaders.archiveDb.caseArchive.findUnique({ where: { caseId } });
    const members = await ctx.loaders.membersOfCase.load(caseId);
    const holder = row ? members.find((m) => m.id === row.holderMemberId && isActive(m)) : undefined;
    // The holder as they signed in for the service they held the baton for (as every change to a case asks: cases/membership.ts); auditors never.
    const allowed =
      caller.kind === "actor" &&
      holder !== undefined &&
      holder.actorId === caller.claims.sub &&
      holder.service === caller.claims.service.toUpperCase() &&
      !isAuditor(caller);
    if (!allowed || !row) {
      // Refused looks at an existing case are logged like any other (cases/visibility.ts); the answer is the unknown case's.
      if (caller.kind === "actor") {
        const member = members.some((m) => isActive(m) && (m.actorId === caller.claims.sub || (caller.claims.personId !== undefined && m.personId === caller.claims.personId)));
        await ctx.access.recordLocal(subjects, "CASE", { status: "RESTRICTED", reason: member ? "NOT_PERMITTED" : "NOT_A_MEMBER", basis: null }, caseId);
      }
      throw caseNotFound();
    }
    const files = await rendered(ctx, row);
    await ctx.access.recordLocal(subjects, "CASE", { status: "GRANTED", reason: "ARCHIVE_COPY", basis: basisNaming("CASE", caseId) }, caseId);
    return shown(files);
  }

  @Query(() => [CaseArchive], {
    description:
      "For the municipality's archive (machine client, scope samhandling:archive): closed cases' archive packages it has not acknowledged, oldest first. " +
      "Fetch, store, then acknowledgeArchivePackage each; until then a package is listed again. Each listing is logged in the subjects' access log.",
  })
  async archivePackages(
    @Arg("first", () => Int, { nullable: true, description: `How many (1–${MAX_PACKAGES}, default ${MAX_PACKAGES}): packages are large.` }) first: number | null,
    @Ctx() ctx: Context,
  ): Promise<CaseArchive[]> {
    requireArchiveClient(ctx);
    const take = first ?? MAX_PACKAGES;
    if (!Number.isInteger(take) || take < 1 || take > MAX_PACKAGES) throw hubError("BAD_USER_INPUT", `first must be 1–${MAX_PACKAGES}.`, { field: "first" });
    const rows = await ctx.loaders.archiveDb.caseArchive.findMany({ where: { fetchedAt: null }, orderBy: [{ closedAt: "asc" }, { caseId: "asc" }], take });
    const out: CaseArchive[] = [];
    for (const row of rows) {
      const files = await rendered(ctx, row);
      await ctx.access.recordLocal(await subjectsOf(ctx, row.caseId), "CASE", { status: "GRANTED", reason: "ARCHIVE_TRANSFER", basis: BASIS_TEXTS.ARCHIVE_DUTY }, row.caseId);
      out.push(shown(files));
    }
    return out;
  }

  @Mutation(() => CaseArchive, {
    description:
      "For the municipality's archive: the package is safely stored, so it is no longer listed by archivePackages. " +
      "Idempotent: acknowledging again changes nothing and answers the same. Pass the checksums you stored, to prove the copy is whole.",
  })
  async acknowledgeArchivePackage(
    @Arg("caseId", () => ID, { description: "The package's case." }) caseId: string,
    @Arg("pdfSha256", () => String, { description: "SHA-256 of the PDF you stored (pdf.sha256)." }) pdfSha256: string,
    @Arg("metadataSha256", () => String, { description: "SHA-256 of the JSON you stored (metadata.sha256)." }) metadataSha256: string,
    @Ctx() ctx: Context,
  ): Promise<CaseArchive> {
    const clientId = requireArchiveClient(ctx);
    const row = await ctx.loaders.archiveDb.caseArchive.findUnique({ where: { caseId: requiredId(caseId, "caseId") } });
    if (!row || row.pdf === null || row.metadataJson === null) throw hubError("NOT_FOUND", "No archive package for this case is ready. List archivePackages for the ones to fetch.", { field: "caseId" });
    const files = shown(row as Rendered);
    if (files.pdf.sha256 !== pdfSha256.trim().toLowerCase() || files.metadata.sha256 !== metadataSha256.trim().toLowerCase()) {
      throw hubError("CONFLICT", "The checksums are not the package's: the stored copy is not whole. Fetch the package again, then acknowledge it.", { field: "pdfSha256" });
    }
    // The first acknowledgement counts; a repeat (a retry after a lost answer) changes nothing.
    await ctx.loaders.archiveDb.caseArchive.updateMany({ where: { caseId, fetchedAt: null }, data: { fetchedAt: new Date(), fetchedBy: clientId } });
    const after = await ctx.loaders.archiveDb.caseArchive.findUniqueOrThrow({ where: { caseId } });
    return shown(after as Rendered);
  }
}
