// The archive package of a closed case, through the gateway: closing makes it
// (the record in the closing transaction, the files right after); the PDF and
// the JSON hold the concern, every stafettlogg entry (the correction too),
// the meeting and its decision, the consent and the members, and the JSON's
// checksum of the PDF matches it; only the stafettholder who closed the case
// downloads it, anyone else gets the unknown case's answer; the download is in
// the access log; the municipality's archive lists, fetches and acknowledges
// it (idempotently) with its machine client.
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { demoPersonId } from "../../demo/fjordvik.ts";
import { todayInOslo } from "../../services/kit/scalars.ts";
import { asUser, callAs, gateway, okAs } from "../support/graphql.ts";
import { asArchive, asMachine } from "../support/machines.ts";
import { attestedFormConsent } from "../support/tasks.ts";
import { pdfText } from "../support/pdf-text.ts";

const OPENER = "skole-kontaktlaerer-1";
const HEALTH = "helse-helsesykepleier-1";
const NAV = "nav-veileder-1";

type Vars = Record<string, unknown>;
// `any` here: the suite reads deep into answers whose shapes differ query by query.
const ok = <T = Record<string, any>>(actor: string, query: string, variables: Vars = {}, caseId?: string) => okAs<T>(actor, query, variables, caseId);

const FILE = "fileName mediaType byteSize sha256 contentBase64";
const ARCHIVE = `query ($caseId: ID!) { caseArchive(caseId: $caseId) { caseId systemId closedAt fetchedAt pdf { ${FILE} } metadata { ${FILE} } } }`;
const LIST = `query ($first: Int) { archivePackages(first: $first) { caseId systemId pdf { ${FILE} } metadata { ${FILE} } } }`;
const ACK = `mutation ($caseId: ID!, $pdf: String!, $json: String!) { acknowledgeArchivePackage(caseId: $caseId, pdfSha256: $pdf, metadataSha256: $json) { caseId fetchedAt } }`;

interface File {
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  contentBase64: string;
}
const bytesOf = (f: File) => Buffer.from(f.contentBase64, "base64");
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
/** Text with its whitespace taken out: a table cell wraps where the layout lets it (after a slash, too). */
const squash = (s: string) => s.replace(/\s+/g, "");
const plusDays = (n: number) => new Date(Date.parse(`${todayInOslo()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A BTI case with a concern, members, a consent, stafettlogg entries with a correction, a meeting with a decision, a handover; closed by its new holder. */
async function closedCase() {
  const subject = demoPersonId("nilsen", "Emma");
  const guardian = demoPersonId("nilsen", "Anne");
  const concernId = (await ok(OPENER, `mutation ($input: RegisterConcernInput!) { registerConcern(input: $input) { id } }`, { input: { subjectId: subject, text: "Mye fravær den siste måneden." } })).registerConcern.id;
  const opened = (await ok(OPENER, `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id holder { id } } }`, { input: { kind: "BTI", title: "BTI – arkivtest", subjectIds: [subject], concernId } })).openCase;
  const caseId = opened.id as string;
  const add = (input: Vars) => ok(OPENER, `mutation ($caseId: ID!, $input: NewMemberInput!) { addCaseMember(caseId: $caseId, input: $input) { id } }`, { caseId, input });
  const health = (await add({ actorId: HEALTH, role: "PROFESSIONAL" })).addCaseMember.id as string;
  await add({ actorId: NAV, role: "PROFESSIONAL" });
  await add({ personId: subject, displayName: "Emma Sámi-Čoalmmi", role: "FAMILY" });
  // Emma is 16–17: her guardian consents for the school, with her own view recorded.
  await attestedFormConsent(await asUser(OPENER), await asUser(HEALTH), {
    caseId, subjectId: subject, givenById: guardian, capacity: "GUARDIAN", services: ["SKOLE"], categories: ["STAFETTLOGG"], childView: "Greit for meg.", formReference: "Samtykkeskjema 2026/17",
  });
  const APPEND = `mutation ($caseId: ID!, $input: StafettloggEntryInput!) { appendStafettlogg(caseId: $caseId, input: $input) { id } }`;
  await ok(HEALTH, APPEND, { caseId, input: { kind: "MEASURE", text: "Samtaler annenhver uke.", responsibleMemberId: health, evaluationDate: plusDays(30) } });
  const navEntry = (await ok(NAV, APPEND, { caseId, input: { kind: "NOTE", text: "NAV følger opp foreldrene." } })).appendStafettlogg.id;
  await ok(NAV, APPEND, { caseId, input: { kind: "NOTE", text: "Rettelse: NAV følger opp mor.", correctsId: navEntry } });
  const meeting = (await ok(OPENER, `mutation ($caseId: ID!, $title: String!, $startsAt: DateTime!) { scheduleMeeting(caseId: $caseId, title: $title, startsAt: $startsAt) { id } }`, { caseId, title: "Første møte", startsAt: new Date().toISOString() })).scheduleMeeting.id;
  await ok(OPENER, `mutation ($id: ID!, $input: RecordMeetingInput!) { recordMeeting(meetingId: $id, input: $input) { status } }`, {
    id: meeting,
    input: { participantIds: [opened.holder.id, health], summary: "Plan for de neste ukene.", decisions: [{ text: "Helsesykepleier tar samtalene." }] },
  });
  const handover = (await ok(OPENER, `mutation ($caseId: ID!, $to: ID!, $wish: String!) { proposeHandover(caseId: $caseId, toMemberId: $to, familyWish: $wish) { id } }`, { caseId, to: health, wish: "Familien ønsker helsesykepleier." })).proposeHandover.id;
  await ok(HEALTH, `mutation ($id: ID!) { acceptHandover(handoverId: $id) { status } }`, { id: handover });
  const closed = (await ok(HEALTH, `mutation ($caseId: ID!) { closeCase(caseId: $caseId, reason: "Målene er nådd.") { status } }`, { caseId })).closeCase;
  expect(closed.status).toBe("CLOSED");
  return { caseId, subject };
}

describe("a closed case's archive package", () => {
  let made: Awaited<ReturnType<typeof closedCase>>;

  it("is made on close, and the stafettholder who closed it downloads the PDF and the JSON", async () => {
    made = await closedCase();
    const { caseId } = made;
    const archive = (await ok(HEALTH, ARCHIVE, { caseId }, caseId)).caseArchive;
    expect(archive).toMatchObject({ caseId, fetchedAt: null });
    expect(archive.pdf).toMatchObject({ fileName: `arkivkopi-${caseId}.pdf`, mediaType: "application/pdf" });
    expect(archive.metadata).toMatchObject({ fileName: `arkivkopi-${caseId}.json`, mediaType: "application/json" });
    const pdf = bytesOf(archive.pdf);
    const json = bytesOf(archive.metadata);
    expect(sha256(pdf)).toBe(archive.pdf.sha256);
    expect(sha256(json)).toBe(archive.metadata.sha256);
    expect(pdf.byteLength).toBe(archive.pdf.byteSize);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);

    // The PDF: the concern, every stafettlogg entry (the correction too), the meeting and its decision, the consent, the members.
    const text = squash(pdfText(pdf));
    for (const expected of [
      "Arkivkopi: BTI – arkivtest",
      "Mye fravær den siste måneden.",
      "Samtaler annenhver uke.",
      "NAV følger opp foreldrene.",
      "Rettelse: NAV følger opp mor.",
      "Første møte",
      "Plan for de neste ukene.",
      "Helsesykepleier tar samtalene.",
      "Familien ønsker helsesykepleier.",
      "Emma Sámi-Čoalmmi",
      "Marte Fossum",
      "Målene er nådd.",
      "Unntatt offentlighet",
      "Samtykkeskjema 2026/17",
      "Greit for meg.",
    ]) {
      expect(text, expected).toContain(squash(expected));
    }

    // The JSON: the same record, Noark-style metadata, and the PDF by its checksum.
    const record = JSON.parse(json.toString("utf8"));
    expect(record).toMatchObject({
      format: "samhandling-arkivpakke/1",
      systemID: archive.systemId,
      referanseEksternNoekkel: { fagsystem: "samhandling", noekkel: caseId },
      saksmappe: { tittel: "BTI – arkivtest", saksstatus: "Avsluttet", avslutningsgrunn: "Målene er nådd.", skjerming: { tilgangsrestriksjon: "13" } },
    });
    expect(record.saksmappe.skjerming.skjermingshjemmel).toMatch(/Offl\. § 13/);
    expect(record.saksmappe.klassifikasjon[0]).toMatchObject({ ordningsprinsipp: "Sakstype", ordningsverdi: "BTI" });
    expect(record.saksmappe.parter).toEqual(expect.arrayContaining([expect.objectContaining({ rolle: "Sakspart", personId: made.subject, navn: "Emma Sámi-Čoalmmi" })]));
    expect(record.innhold.bekymring.tekst).toBe("Mye fravær den siste måneden.");
    expect(record.innhold.stafettlogg.map((e: { tekst: string }) => e.tekst)).toEqual([
      "Mye fravær den siste måneden.",
      "Samtaler annenhver uke.",
      "NAV følger opp foreldrene.",
      "Rettelse: NAV følger opp mor.",
    ]);
    const [, , corrected, correction] = record.innhold.stafettlogg;
    expect(correction.retter).toBe(corrected.id);
    expect(record.innhold.moeter).toEqual([expect.objectContaining({ tittel: "Første møte", status: "HELD", referat: "Plan for de neste ukene.", vedtak: [expect.objectContaining({ tekst: "Helsesykepleier tar samtalene." })] })]);
    expect(record.innhold.medlemmer.map((m: { rolle: string }) => m.rolle).sort()).toEqual(["FAMILY", "PROFESSIONAL", "PROFESSIONAL", "STAFETTHOLDER"]);
    expect(record.innhold.samtykker).toEqual([expect.objectContaining({ gjelderPersonId: made.subject, beslutning: "PERMIT", tjenester: ["SKOLE"], skjemareferanse: "Samtykkeskjema 2026/17", barnetsSyn: "Greit for meg." })]);
    expect(record.innhold.stafettholdere).toEqual([expect.objectContaining({ status: "ACCEPTED", familiensOenske: "Familien ønsker helsesykepleier." })]);
    expect(record.dokumenter).toEqual([expect.objectContaining({ filnavn: `arkivkopi-${caseId}.pdf`, sjekksum: archive.pdf.sha256, sjekksumAlgoritme: "SHA-256", format: "PDF/A-2b", filstoerrelse: pdf.byteLength })]);
  });

  it("answers everyone else — another member, a citizen of the case, an outsider, the archive client — as for a case that does not exist", async () => {
    const { caseId, subject } = made;
    const unknown = "c-nosuchcase00";
    const answer = async (headers: Record<string, string>, id: string) => {
      const res = await gateway(ARCHIVE, { caseId: id }, headers);
      return { data: res.data ?? null, errors: res.errors?.map((e) => ({ code: e.extensions?.code, message: e.message })) };
    };
    for (const [who, headers] of [
      ["the former stafettholder, still a member", (id: string) => asUser(OPENER, id)],
      ["another member", (id: string) => asUser(NAV, id)],
      ["the citizen the case is about", (id: string) => asUser(subject, id)],
      ["an outsider", (id: string) => asUser("barnevern-saksbehandler-1", id)],
    ] as const) {
      const real = await answer(await headers(caseId), caseId);
      const none = await answer(await headers(unknown), unknown);
      expect(real.errors?.[0]?.code, who).toBe("NOT_FOUND");
      expect(JSON.stringify(real).replaceAll(caseId, "ID"), who).toBe(JSON.stringify(none).replaceAll(unknown, "ID"));
    }
    expect((await gateway(ARCHIVE, { caseId }, await asArchive())).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("logs each download in the access log of the case's subjects", async () => {
    const { caseId } = made;
    const from = new Date(Date.now() - 1000).toISOString();
    await ok(HEALTH, ARCHIVE, { caseId }, caseId);
    const { samhandlingAuditLog } = await ok("samhandling-auditor", `query ($a: String, $f: DateTime) { samhandlingAuditLog(actorId: $a, from: $f) { caseId reason decision } }`, { a: HEALTH, f: from });
    expect(samhandlingAuditLog).toEqual(expect.arrayContaining([expect.objectContaining({ caseId, reason: "ARCHIVE_COPY", decision: "GRANTED" })]));
  });

  it("is listed for the municipality's archive until it acknowledges it, with the checksums it stored; acknowledging again changes nothing", async () => {
    const { caseId } = made;
    const archive = await asArchive();
    type Listed = { caseId: string; systemId: string; pdf: File; metadata: File };
    let mine: Listed | undefined;
    // Oldest first: acknowledge what comes before this case, as the archive would once it has stored it.
    for (let round = 0; round < 50 && !mine; round++) {
      const res = await gateway<{ archivePackages: Listed[] }>(LIST, { first: 5 }, archive);
      expect(res.errors).toBeUndefined();
      const listed = res.data!.archivePackages;
      expect(listed.length).toBeGreaterThan(0);
      mine = listed.find((p) => p.caseId === caseId);
      for (const p of listed.filter((p) => p.caseId !== caseId)) {
        await gateway(ACK, { caseId: p.caseId, pdf: sha256(bytesOf(p.pdf)), json: sha256(bytesOf(p.metadata)) }, archive);
      }
    }
    expect(mine).toBeDefined();
    const record = JSON.parse(bytesOf(mine!.metadata).toString("utf8"));
    expect(record.dokumenter[0].sjekksum).toBe(sha256(bytesOf(mine!.pdf)));

    // A wrong checksum is refused: the stored copy is not whole.
    const wrong = await gateway(ACK, { caseId, pdf: "0".repeat(64), json: sha256(bytesOf(mine!.metadata)) }, archive);
    expect(wrong.errors?.[0]?.extensions?.code).toBe("CONFLICT");

    const vars = { caseId, pdf: mine!.pdf.sha256, json: mine!.metadata.sha256 };
    const first = await gateway<{ acknowledgeArchivePackage: { caseId: string; fetchedAt: string } }>(ACK, vars, archive);
    expect(first.errors).toBeUndefined();
    const again = await gateway<{ acknowledgeArchivePackage: { caseId: string; fetchedAt: string } }>(ACK, vars, archive);
    expect(again.data).toEqual(first.data);
    const after = await gateway<{ archivePackages: Listed[] }>(LIST, { first: 20 }, archive);
    expect(after.data!.archivePackages.map((p) => p.caseId)).not.toContain(caseId);
    expect((await ok(HEALTH, ARCHIVE, { caseId }, caseId)).caseArchive.fetchedAt).toBe(first.data!.acknowledgeArchivePackage.fetchedAt);

    // Only the archive's client: a service's own system, and a person, are refused.
    expect((await gateway(LIST, {}, await asMachine("nav"))).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await gateway(LIST, {}, await asUser(HEALTH))).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
