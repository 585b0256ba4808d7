// The record of a closed case, read in the closing transaction so it is the
// case exactly as it closed: the concern, the plan and its follow-ups, every
// stafettlogg entry (corrections are entries of their own, pointing at the
// one they correct), meetings and their decisions, consents and refusals,
// members and the baton's history. Shaped after Noark 5 (saksmappe,
// klassifikasjon, skjerming, parter) with the names an archivist reads; the
// municipality's archive maps it to its own Noark system on import.
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../../prisma/samhandling/generated/client.ts";

/** Everything in this file is personal data about a child and family: exempt from public access. */
const SKJERMING = {
  tilgangsrestriksjon: "13",
  skjermingshjemmel: "Offl. § 13 første ledd, jf. fvl. § 13 første ledd nr. 1 (taushetsplikt om personlige forhold)",
  skjermingMetadata: ["tittel", "korrespondansepart"],
  skjermingDokument: "Hele",
} as const;

const KIND_TITLES: Record<string, string> = {
  BTI: "BTI-sak (Bedre tverrfaglig innsats)",
  ANSVARSGRUPPE: "Ansvarsgruppe",
  INVESTERINGSTEAM: "Investeringsteam",
};

export interface ArchiveParty {
  /** Sakspart (the person the case is about), Stafettholder, Koordinator, Fagperson, Familie, Trygg voksen. */
  rolle: string;
  navn: string | null;
  /** The population register's person id (never a national id): a subject, a family member, a consent giver. */
  personId: string | null;
  /** An employee's sign-in id. */
  aktoerId: string | null;
  tjeneste: string | null;
  fra: string | null;
  til: string | null;
}

/** A closed case's record as it stood at close (JSON-safe: dates as ISO strings). */
export interface ArchiveRecord {
  format: "samhandling-arkivpakke/1";
  /** The package's id (Noark systemID). */
  systemID: string;
  /** The hub's own key for the case, for the archive's ReferanseEksternNoekkel. */
  referanseEksternNoekkel: { fagsystem: "samhandling"; noekkel: string };
  saksmappe: {
    tittel: string;
    /** The title for public lists: no names (the title proper is exempt). */
    offentligTittel: string;
    saksaar: number;
    saksdato: string;
    opprettetDato: string;
    avsluttetDato: string;
    avsluttetAv: string;
    saksstatus: "Avsluttet";
    avslutningsgrunn: string;
    sakstype: string;
    btiNivaa: number | null;
    individuellPlan: boolean;
    grunnlag: { type: string | null; referanse: string | null };
    klassifikasjon: { klassifikasjonssystem: string; ordningsprinsipp: string; ordningsverdi: string; beskrivelse: string }[];
    skjerming: typeof SKJERMING;
    parter: ArchiveParty[];
  };
  innhold: {
    bekymring: { tekst: string; observert: string; registrert: string; registrertAv: string; tjeneste: string } | null;
    medlemmer: { id: string; navn: string; rolle: string; tjeneste: string; personId: string | null; aktoerId: string | null; fra: string; til: string | null; familiensValg: string | null }[];
    stafettholdere: { fra: string; til: string; status: string; foreslaatt: string; besvart: string | null; familiensOenske: string; svar: string | null }[];
    nivaaendringer: { fra: number | null; til: number; begrunnelse: string; besluttetAv: string; tjeneste: string; tidspunkt: string }[];
    stafettlogg: { id: string; type: string; tekst: string; forfatter: string; tjeneste: string; tidspunkt: string; ansvarlig: string | null; evalueringsdato: string | null; retter: string | null }[];
    plan: {
      maal: { id: string; tekst: string; sikt: string; familiensPrioritet: number; status: string; opprettet: string }[];
      tiltak: { id: string; beskrivelse: string; maal: string | null; vedtak: string | null; ansvarlig: string; tjeneste: string; frist: string; status: string; fullfoert: string | null }[];
    };
    moeter: {
      id: string;
      tittel: string;
      tidspunkt: string;
      status: string;
      referat: string | null;
      deltakere: string[];
      vedtak: { id: string; tekst: string }[];
      maalevalueringer: { maal: string; status: string; merknad: string | null }[];
    }[];
    samtykker: {
      id: string;
      gjelder: string;
      gjelderPersonId: string;
      gittAv: string;
      gittAvPersonId: string;
      kapasitet: string;
      beslutning: string;
      tjenester: string[];
      kategorier: string[];
      gyldigFra: string;
      gyldigTil: string | null;
      trukket: string | null;
      barnetsSyn: string | null;
      merknad: string | null;
      kanal: string;
      skjemareferanse: string | null;
      attestert: string | null;
      registrert: string;
    }[];
  };
}

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const day = (d: Date) => d.toISOString().slice(0, 10);
const dayOrNull = (d: Date | null | undefined) => (d ? day(d) : null);

/**
 * Reads the record of a case that has just been closed, in the transaction
 * that closed it. `closedAt` and `reason` are the closing's own.
 */
export async function readRecord(tx: Prisma.TransactionClient, caseId: string): Promise<ArchiveRecord> {
  const c = await tx.coordinationCase.findUniqueOrThrow({ where: { id: caseId }, include: { concern: true, subjects: true } });
  const byCase = { where: { caseId } };
  const [members, handovers, levels, entries, goals, measures, meetings, consents] = await Promise.all([
    tx.caseMember.findMany({ ...byCase, orderBy: [{ joinedAt: "asc" }, { id: "asc" }] }),
    tx.handover.findMany({ ...byCase, orderBy: [{ proposedAt: "asc" }, { id: "asc" }] }),
    tx.btiLevelChange.findMany({ ...byCase, orderBy: [{ decidedAt: "asc" }, { id: "asc" }] }),
    tx.stafettloggEntry.findMany({ ...byCase, orderBy: [{ at: "asc" }, { id: "asc" }] }),
    tx.goal.findMany({ ...byCase, orderBy: [{ familyPriority: "asc" }, { createdAt: "asc" }, { id: "asc" }] }),
    tx.measure.findMany({ ...byCase, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    tx.meeting.findMany({
      ...byCase,
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      include: { decisions: { orderBy: [{ position: "asc" }, { id: "asc" }] }, evaluations: { orderBy: { id: "asc" } } },
    }),
    tx.consent.findMany({ ...byCase, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  ]);
  const memberName = new Map(members.map((m) => [m.id, m.displayName]));
  // The register's names are registry's; samhandling knows a person's name only as a member of the case.
  const personName = new Map(members.filter((m) => m.personId).map((m) => [m.personId!, m.displayName]));
  const goalText = new Map(goals.map((g) => [g.id, g.text]));
  const holder = members.find((m) => m.id === c.holderMemberId);
  const closedAt = c.closedAt ?? new Date();
  const roleWords: Record<string, string> = { COORDINATOR: "Koordinator", STAFETTHOLDER: "Stafettholder", PROFESSIONAL: "Fagperson", FAMILY: "Familie", TRUSTED_PERSON: "Trygg voksen" };

  const parter: ArchiveParty[] = [
    ...c.subjects.map((s) => ({ rolle: "Sakspart", navn: personName.get(s.personId) ?? null, personId: s.personId, aktoerId: null, tjeneste: null, fra: null, til: null })),
    ...members.map((m) => ({ rolle: roleWords[m.role] ?? m.role, navn: m.displayName, personId: m.personId, aktoerId: m.actorId, tjeneste: m.service, fra: iso(m.joinedAt), til: isoOrNull(m.leftAt) })),
  ];

  return {
    format: "samhandling-arkivpakke/1",
    systemID: randomUUID(),
    referanseEksternNoekkel: { fagsystem: "samhandling", noekkel: c.id },
    saksmappe: {
      tittel: c.title,
      offentligTittel: `${KIND_TITLES[c.kind] ?? c.kind} – unntatt offentlighet`,
      saksaar: Number(day(c.openedAt).slice(0, 4)),
      saksdato: day(c.openedAt),
      opprettetDato: iso(c.openedAt),
      avsluttetDato: iso(closedAt),
      avsluttetAv: holder?.displayName ?? "",
      saksstatus: "Avsluttet",
      avslutningsgrunn: c.closedReason ?? "",
      sakstype: c.kind,
      btiNivaa: c.btiLevel,
      individuellPlan: c.individualPlan,
      grunnlag: { type: c.basis, referanse: c.basisReference },
      klassifikasjon: [
        {
          klassifikasjonssystem: "Samhandlingshuben",
          ordningsprinsipp: "Sakstype",
          ordningsverdi: c.kind,
          beskrivelse: KIND_TITLES[c.kind] ?? c.kind,
        },
      ],
      skjerming: SKJERMING,
      parter,
    },
    innhold: {
      bekymring: c.concern
        ? { tekst: c.concern.text, observert: iso(c.concern.noticedAt), registrert: iso(c.concern.registeredAt), registrertAv: c.concern.registeredBy, tjeneste: c.concern.service }
        : null,
      medlemmer: members.map((m) => ({
        id: m.id,
        navn: m.displayName,
        rolle: m.role,
        tjeneste: m.service,
        personId: m.personId,
        aktoerId: m.actorId,
        fra: iso(m.joinedAt),
        til: isoOrNull(m.leftAt),
        familiensValg: m.familyChoice,
      })),
      stafettholdere: handovers.map((h) => ({
        fra: memberName.get(h.fromMemberId) ?? h.fromMemberId,
        til: memberName.get(h.toMemberId) ?? h.toMemberId,
        status: h.status,
        foreslaatt: iso(h.proposedAt),
        besvart: isoOrNull(h.respondedAt),
        familiensOenske: h.familyWish,
        svar: h.responseNote,
      })),
      nivaaendringer: levels.map((l) => ({ fra: l.fromLevel, til: l.toLevel, begrunnelse: l.reason, besluttetAv: l.decidedBy, tjeneste: l.decidedByService, tidspunkt: iso(l.decidedAt) })),
      stafettlogg: entries.map((e) => ({
        id: e.id,
        type: e.kind,
        tekst: e.text,
        forfatter: e.authorName,
        tjeneste: e.authorService,
        tidspunkt: iso(e.at),
        ansvarlig: e.responsibleMemberId ? (memberName.get(e.responsibleMemberId) ?? e.responsibleMemberId) : null,
        evalueringsdato: dayOrNull(e.evaluationDate),
        retter: e.correctsId,
      })),
      plan: {
        maal: goals.map((g) => ({ id: g.id, tekst: g.text, sikt: g.term, familiensPrioritet: g.familyPriority, status: g.status, opprettet: iso(g.createdAt) })),
        tiltak: measures.map((m) => ({
          id: m.id,
          beskrivelse: m.description,
          maal: m.goalId ? (goalText.get(m.goalId) ?? m.goalId) : null,
          vedtak: m.decisionId,
          ansvarlig: memberName.get(m.responsibleMemberId) ?? m.responsibleMemberId,
          tjeneste: m.responsibleService,
          frist: day(m.dueDate),
          status: m.status,
          fullfoert: isoOrNull(m.completedAt),
        })),
      },
      moeter: meetings.map((m) => ({
        id: m.id,
        tittel: m.title,
        tidspunkt: iso(m.startsAt),
        status: m.status,
        referat: m.summary,
        deltakere: m.participantIds.map((id) => memberName.get(id) ?? id),
        vedtak: m.decisions.map((d) => ({ id: d.id, tekst: d.text })),
        maalevalueringer: m.evaluations.map((e) => ({ maal: goalText.get(e.goalId) ?? e.goalId, status: e.status, merknad: e.note })),
      })),
      samtykker: consents.map((s) => ({
        id: s.id,
        gjelder: personName.get(s.subjectPersonId) ?? s.subjectPersonId,
        gjelderPersonId: s.subjectPersonId,
        gittAv: personName.get(s.givenByPersonId) ?? s.givenByPersonId,
        gittAvPersonId: s.givenByPersonId,
        kapasitet: s.capacity,
        beslutning: s.decision,
        tjenester: s.services,
        kategorier: s.categories,
        gyldigFra: iso(s.validFrom),
        gyldigTil: isoOrNull(s.validTo),
        trukket: isoOrNull(s.withdrawnAt),
        barnetsSyn: s.childView,
        merknad: s.note,
        kanal: s.channel,
        skjemareferanse: s.formReference,
        attestert: isoOrNull(s.attestedAt),
        registrert: iso(s.createdAt),
      })),
    },
  };
}
