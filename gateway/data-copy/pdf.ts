// The copy as a readable PDF in bokmål: the same content as the JSON, part by
// part, laid out by the kit's renderer (services/kit/pdf/: Noto Sans, tagged,
// PDF/A). Records keep every field the JSON has; the labels below name the
// common ones in plain words, and a field without one keeps its API name, so
// a new service's fields print without an edit here.
import { renderPdf } from "../../services/kit/pdf/render.ts";
import type { PdfBlock, PdfDocumentModel } from "../../services/kit/pdf/model.ts";
import type { ApiRecord, CopyCase, DataCopy } from "./shape.ts";

const LABELS: Record<string, string> = {
  id: "Id",
  givenName: "Fornavn",
  familyName: "Etternavn",
  birthDate: "Fødselsdato",
  age: "Alder",
  preferredLanguage: "Foretrukket språk",
  name: "Navn",
  municipality: "Kommune",
  parentalResponsibility: "Foreldreansvar",
  guardian: "Forelder",
  child: "Barn",
  kind: "Type",
  title: "Tittel",
  status: "Status",
  openedAt: "Åpnet",
  closedAt: "Avsluttet",
  decision: "Avgjørelse",
  capacity: "Gitt som",
  services: "Tjenester",
  categories: "Opplysninger",
  validFrom: "Gjelder fra",
  validTo: "Gjelder til",
  withdrawnAt: "Trukket tilbake",
  channel: "Hvordan det kom inn",
  createdAt: "Registrert",
  subject: "Gjelder",
  givenBy: "Gitt av",
  case: "Sak",
  access: "Tilgang",
  reason: "Begrunnelse",
  basis: "Grunnlag",
  basisReference: "Grunnlaget viser til",
  involved: "Involvert",
  contact: "Kontakt",
  role: "Rolle",
  phone: "Telefon",
  since: "Fra",
  until: "Til",
  measures: "Tiltak",
  description: "Beskrivelse",
  at: "Tidspunkt",
  actorId: "Hvem",
  actorService: "Tjeneste",
  caseId: "Sak",
  displayName: "Navn i saken",
  service: "Tjeneste",
  joinedAt: "Med fra",
  leftAt: "Med til",
  authorName: "Skrevet av",
  authorService: "Tjenesten som skrev",
  text: "Tekst",
  evaluationDate: "Evalueres",
  correctsId: "Retter oppføring",
  responsible: "Ansvarlig",
  familyChoice: "Valgt av familien",
};

const label = (field: string) => LABELS[field] ?? field;

const isRecord = (value: unknown): value is ApiRecord => value !== null && typeof value === "object" && !Array.isArray(value);

/** A value in words: Ja/Nei, a dash for nothing, lists joined, a record by its leaves. */
function text(value: unknown): string {
  if (value === null || value === undefined) return "–";
  if (typeof value === "boolean") return value ? "Ja" : "Nei";
  if (Array.isArray(value)) return value.length === 0 ? "–" : value.map(text).join(", ");
  if (isRecord(value)) return Object.entries(value).map(([k, v]) => `${label(k)}: ${text(v)}`).join("; ");
  return String(value);
}

/** A record as blocks: its plain fields as labelled values, each list of records as a table under a heading. */
function recordBlocks(record: ApiRecord, level: 2 | 3 = 3): PdfBlock[] {
  const plain = Object.entries(record).filter(([, v]) => !(Array.isArray(v) && v.some(isRecord)));
  const tables = Object.entries(record).filter(([, v]) => Array.isArray(v) && v.some(isRecord)) as [string, ApiRecord[]][];
  const blocks: PdfBlock[] = plain.length > 0 ? [{ kind: "keyValues", entries: plain.map(([k, v]) => ({ key: label(k), value: text(v) })) }] : [];
  for (const [field, rows] of tables) {
    blocks.push({ kind: "heading", level, text: label(field) }, tableOf(rows));
  }
  return blocks;
}

function tableOf(rows: readonly ApiRecord[]): PdfBlock {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return { kind: "table", columns: columns.map(label), rows: rows.map((r) => columns.map((c) => text(r[c]))) };
}

const ACCESS_LOG_FIELDS = ["at", "actorId", "actorService", "categories", "caseId", "decision", "reason", "basis", "basisReference"];
const STAFETTLOGG_FIELDS = ["at", "kind", "authorName", "authorService", "text", "evaluationDate", "responsible", "correctsId", "id"];

/** Log entries a line each, in one paragraph (`fields` labelled, those with nothing left out): a log runs to hundreds of entries, and a table of that size lays out a hundred times slower. */
const logLines = (entries: readonly ApiRecord[], fields: readonly string[]): PdfBlock => ({
  kind: "paragraph",
  text: entries.map((entry) => fields.filter((f) => entry[f] !== null && entry[f] !== undefined).map((f) => `${label(f)}: ${text(entry[f])}`).join(" · ")).join("\n"),
});

/** A case: the person's part in it, its facts, and the stafettlogg entries the reader may read. */
function caseBlocks(c: CopyCase): PdfBlock[] {
  const { participation, stafettlogg, ...facts } = c;
  return [
    { kind: "heading", level: 2, text: text(c.title) },
    { kind: "keyValues", entries: [{ key: "Saken gjelder personen", value: text(participation.subject) }] },
    ...(participation.memberships.length > 0 ? [{ kind: "heading", level: 3, text: "Personen er med i saken som" } as const, tableOf(participation.memberships)] : []),
    ...recordBlocks(facts),
    { kind: "heading", level: 3, text: `Stafettlogg (${stafettlogg.length} oppføringer du kan lese)` },
    ...(stafettlogg.length > 0 ? [logLines(stafettlogg, STAFETTLOGG_FIELDS)] : []),
  ];
}

/** The PDF's content: the same parts as the JSON, in the same order. */
export function dataCopyModel(copy: DataCopy): PdfDocumentModel {
  const person = copy.person;
  const who = `${text(person.givenName)} ${text(person.familyName)}`;
  const blocks: PdfBlock[] = [
    { kind: "heading", level: 1, text: `Kopi av opplysningene om ${who}` },
    {
      kind: "paragraph",
      text:
        `Laget ${copy.madeAt} for ${copy.madeFor.relation === "SELF" ? "personen selv" : "en forelder med foreldreansvar"}, etter retten til innsyn ` +
        "(personvernforordningen artikkel 15). Den viser alt samhandlingsløsningen har om personen, slik reglene lar deg se det. " +
        `Den samme kopien finnes som JSON (format ${copy.format}, versjon ${copy.version}).`,
    },
    { kind: "paragraph", text: copy.notice.withheld.nb },
    { kind: "heading", level: 2, text: "Hvem du kan spørre" },
    { kind: "table", columns: ["Tjeneste", "Kontakt", "Telefon"], rows: copy.notice.whomToAsk.map((w) => [w.title.nb, w.frontDoor.name, w.frontDoor.phone]) },
    { kind: "heading", level: 1, text: "Personen (Folkeregisteret)" },
    ...recordBlocks(person, 2),
    { kind: "heading", level: 1, text: "Samtykker og nektelser" },
    ...(copy.consents.length === 0 ? [{ kind: "paragraph", text: "Ingen." } as const] : copy.consents.flatMap((c, i): PdfBlock[] => [{ kind: "heading", level: 2, text: `Samtykke ${i + 1}` }, ...recordBlocks(c)])),
    { kind: "heading", level: 1, text: "Saker personen er med i" },
    ...(copy.cases.length === 0 ? [{ kind: "paragraph", text: "Ingen." } as const] : copy.cases.flatMap(caseBlocks)),
    { kind: "heading", level: 1, text: "Tjenestenes opplysninger" },
    ...copy.services.flatMap((s): PdfBlock[] => [
      { kind: "heading", level: 2, text: s.title.nb },
      ...(s.view ? recordBlocks(s.view) : [{ kind: "paragraph", text: "Ikke vist." } as const]),
    ]),
    { kind: "heading", level: 1, text: "Hvem har sett opplysningene" },
    ...copy.accessLogs.flatMap((l): PdfBlock[] => [
      { kind: "heading", level: 2, text: `${l.title.nb} (${l.entries === null ? "loggen vises ikke for deg" : `${l.entries.length} oppføringer`})` },
      ...(l.entries && l.entries.length > 0 ? [logLines(l.entries, ACCESS_LOG_FIELDS)] : []),
    ]),
  ];
  return {
    metadata: { title: `Kopi av opplysningene om ${who}`, author: "Samhandling", subject: "Innsyn etter personvernforordningen artikkel 15", createdAt: new Date(copy.madeAt) },
    blocks,
  };
}

export async function dataCopyPdf(copy: DataCopy): Promise<Uint8Array> {
  return renderPdf(dataCopyModel(copy));
}
