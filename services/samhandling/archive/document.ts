// The archive copy as a printed document: the record (record.ts) laid out in
// bokmål for the kit's PDF renderer. Everything the JSON holds about the case
// is printed; ids only where a reader needs them to follow a reference.
import type { PdfBlock, PdfDocumentModel } from "../../kit/pdf/model.ts";
import type { ArchiveRecord } from "./record.ts";

const OSLO = new Intl.DateTimeFormat("nb-NO", { timeZone: "Europe/Oslo", dateStyle: "long", timeStyle: "short" });
const OSLO_DAY = new Intl.DateTimeFormat("nb-NO", { timeZone: "Europe/Oslo", dateStyle: "long" });
const when = (iso: string | null) => (iso ? OSLO.format(new Date(iso)) : "");
const onDay = (iso: string | null) => (iso ? OSLO_DAY.format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso)) : "");

const WORDS: Record<string, string> = {
  BTI: "BTI",
  ANSVARSGRUPPE: "Ansvarsgruppe",
  INVESTERINGSTEAM: "Investeringsteam",
  CONCERN: "Bekymring",
  REFERRAL: "Henvisning",
  DECISION: "Vedtak",
  MEASURE: "Tiltak",
  EVALUATION: "Evaluering",
  NOTE: "Notat",
  COORDINATOR: "Koordinator",
  STAFETTHOLDER: "Stafettholder",
  PROFESSIONAL: "Fagperson",
  FAMILY: "Familie",
  TRUSTED_PERSON: "Trygg voksen",
  PROPOSED: "Foreslått",
  ACCEPTED: "Godtatt",
  DECLINED: "Avslått",
  CANCELLED: "Avlyst",
  PLANNED: "Planlagt",
  HELD: "Holdt",
  ACTIVE: "Pågår",
  DONE: "Fullført",
  OPEN: "Åpent",
  ACHIEVED: "Nådd",
  DROPPED: "Droppet",
  SHORT: "Kort sikt",
  LONG: "Lang sikt",
  SELF: "For seg selv",
  GUARDIAN: "Som foresatt",
  PERMIT: "Samtykke",
  DENY: "Nektet",
  DIGITAL: "Digitalt",
  PAPER_FORM: "Papirskjema",
  STAFF_RECORDED: "Registrert av ansatt",
};
const word = (value: string | null) => (value === null ? "" : (WORDS[value] ?? value));

const heading = (level: 1 | 2 | 3, text: string): PdfBlock => ({ kind: "heading", level, text });
const paragraph = (text: string): PdfBlock => ({ kind: "paragraph", text });
const none = (what: string): PdfBlock => paragraph(`Ingen ${what}.`);

/** The PDF's document model. `createdAt`: when the package was made. */
export function archiveDocument(record: ArchiveRecord, createdAt: Date): PdfDocumentModel {
  const { saksmappe: s, innhold: i } = record;
  const blocks: PdfBlock[] = [
    paragraph(`Arkivkopi av en avsluttet samhandlingssak. Unntatt offentlighet: ${s.skjerming.skjermingshjemmel}.`),
    {
      kind: "keyValues",
      entries: [
        { key: "Sakstype", value: word(s.sakstype) + (s.btiNivaa === null ? "" : `, nivå ${s.btiNivaa}`) },
        { key: "Opprettet", value: when(s.opprettetDato) },
        { key: "Avsluttet", value: when(s.avsluttetDato) },
        { key: "Avsluttet av", value: s.avsluttetAv },
        { key: "Grunn til avslutning", value: s.avslutningsgrunn },
        { key: "Grunnlag", value: [word(s.grunnlag.type), s.grunnlag.referanse].filter(Boolean).join(": ") },
        { key: "Individuell plan", value: s.individuellPlan ? "Ja" : "Nei" },
        { key: "Klassifikasjon", value: s.klassifikasjon.map((k) => `${k.ordningsprinsipp}: ${k.ordningsverdi}`).join("; ") },
        { key: "Arkivreferanse", value: `${record.referanseEksternNoekkel.fagsystem}/${record.referanseEksternNoekkel.noekkel} (systemID ${record.systemID})` },
        { key: "Laget", value: when(createdAt.toISOString()) },
      ],
    },
    heading(2, "Parter"),
    {
      kind: "table",
      columns: ["Rolle", "Navn", "Tjeneste", "Fra–til"],
      widths: [1.2, 2, 1.2, 2],
      rows: s.parter.map((p) => [p.rolle, p.navn ?? `Person ${p.personId}`, word(p.tjeneste), p.fra ? `${onDay(p.fra)}–${onDay(p.til)}` : ""]),
    },
    heading(2, "Bekymring"),
    i.bekymring
      ? { kind: "keyValues", entries: [
          { key: "Observert", value: when(i.bekymring.observert) },
          { key: "Registrert", value: `${when(i.bekymring.registrert)} (${word(i.bekymring.tjeneste)})` },
          { key: "Bekymringen", value: i.bekymring.tekst },
        ] }
      : none("registrert bekymring (saken ble opprettet fra en henvisning eller et vedtak)"),
    heading(2, "Stafettholdere"),
    i.stafettholdere.length === 0
      ? paragraph("Stafettpinnen ble ikke overlevert.")
      : { kind: "table", columns: ["Foreslått", "Fra", "Til", "Status", "Familiens ønske"], widths: [1.4, 1.3, 1.3, 1, 2], rows: i.stafettholdere.map((h) => [when(h.foreslaatt), h.fra, h.til, word(h.status), h.familiensOenske]) },
    heading(2, "Nivåendringer"),
    i.nivaaendringer.length === 0
      ? none("nivåendringer")
      : { kind: "table", columns: ["Tidspunkt", "Nivå", "Begrunnelse"], widths: [1.4, 0.8, 3.5], rows: i.nivaaendringer.map((l) => [when(l.tidspunkt), l.fra === null ? `Til ${l.til}` : `Fra ${l.fra} til ${l.til}`, l.begrunnelse]) },
    heading(2, "Stafettlogg"),
    i.stafettlogg.length === 0
      ? none("innførsler i stafettloggen")
      : {
          kind: "table",
          columns: ["Tidspunkt", "Type", "Skrevet av", "Innførsel"],
          widths: [1.3, 0.9, 1.3, 3.5],
          rows: i.stafettlogg.map((e) => [
            when(e.tidspunkt),
            word(e.type),
            `${e.forfatter} (${word(e.tjeneste)})`,
            [e.retter ? `Retter innførsel ${e.retter}.` : null, e.tekst, e.ansvarlig ? `Ansvarlig: ${e.ansvarlig}.` : null, e.evalueringsdato ? `Evalueres ${onDay(e.evalueringsdato)}.` : null, `(${e.id})`]
              .filter(Boolean)
              .join("\n"),
          ]),
        },
    heading(2, "Plan"),
    heading(3, "Mål"),
    i.plan.maal.length === 0
      ? none("mål")
      : { kind: "table", columns: ["Prioritet", "Mål", "Sikt", "Status"], widths: [0.8, 3.5, 1, 1], rows: i.plan.maal.map((g) => [String(g.familiensPrioritet), g.tekst, word(g.sikt), word(g.status)]) },
    heading(3, "Tiltak"),
    i.plan.tiltak.length === 0
      ? none("tiltak")
      : {
          kind: "table",
          columns: ["Tiltak", "Ansvarlig", "Frist", "Status"],
          widths: [3.2, 1.6, 1.1, 1],
          rows: i.plan.tiltak.map((m) => [m.maal ? `${m.beskrivelse}\nMål: ${m.maal}` : m.beskrivelse, `${m.ansvarlig} (${word(m.tjeneste)})`, onDay(m.frist), word(m.status)]),
        },
    heading(2, "Møter og vedtak"),
    ...(i.moeter.length === 0
      ? [none("møter")]
      : i.moeter.flatMap((m): PdfBlock[] => [
          heading(3, `${m.tittel} – ${when(m.tidspunkt)}`),
          { kind: "keyValues", entries: [
            { key: "Status", value: word(m.status) },
            { key: "Til stede", value: m.deltakere.join(", ") },
            { key: "Referat", value: m.referat ?? "" },
            ...m.vedtak.map((d, n) => ({ key: `Vedtak ${n + 1}`, value: d.tekst })),
            ...m.maalevalueringer.map((e) => ({ key: `Evaluering: ${e.maal}`, value: [word(e.status), e.merknad].filter(Boolean).join(". ") })),
          ] },
        ])),
    heading(2, "Samtykker og reservasjoner"),
    i.samtykker.length === 0
      ? none("samtykker")
      : {
          kind: "table",
          columns: ["Gjelder", "Gitt av", "Beslutning", "Omfang", "Gyldighet"],
          widths: [1.5, 2.2, 1.6, 1.5, 1.4],
          rows: i.samtykker.map((c) => [
            c.gjelder,
            `${c.gittAv} (${word(c.kapasitet)}, ${word(c.kanal)}${c.skjemareferanse ? `, skjema ${c.skjemareferanse}` : ""})`,
            word(c.beslutning) + (c.merknad ? `\n${c.merknad}` : "") + (c.barnetsSyn ? `\nBarnets syn: ${c.barnetsSyn}` : ""),
            `${c.tjenester.map(word).join(", ")}: ${c.kategorier.join(", ")}`,
            `${onDay(c.gyldigFra)}–${onDay(c.gyldigTil)}${c.trukket ? `\nTrukket ${onDay(c.trukket)}` : ""}`,
          ]),
        },
    heading(2, "Medlemmer"),
    {
      kind: "table",
      columns: ["Navn", "Rolle", "Tjeneste", "Med fra", "Gikk ut"],
      widths: [2, 1.3, 1.2, 1.3, 1.3],
      rows: i.medlemmer.map((m) => [m.familiensValg ? `${m.navn}\nValgt av familien: ${m.familiensValg}` : m.navn, word(m.rolle), word(m.tjeneste), onDay(m.fra), onDay(m.til)]),
    },
  ];
  return {
    metadata: {
      title: `Arkivkopi: ${s.tittel}`,
      author: "Samhandlingshuben",
      subject: `${s.offentligTittel}. ${s.skjerming.skjermingshjemmel}.`,
      keywords: ["samhandling", s.sakstype, "arkivkopi", "unntatt offentlighet"],
      createdAt,
    },
    blocks,
  };
}
