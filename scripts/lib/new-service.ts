// A new service subgraph, by the four changes docs/adding-a-service.md names:
// its folder services/<name>/, its folder prisma/<name>/ (schema and first
// migration), its entry in services/kit/catalog.ts and its demo-data file
// demo/services/<name>.ts. Nothing else: `npm run compose` then writes what
// follows from the catalog. The service it makes is a working first version
// (a view with records, each with a contact), to be shaped into the real one.
// test/new-service.test.ts uses it on a copy of the repository.
import fs from "node:fs";
import path from "node:path";
import type { Bilingual } from "../../services/kit/catalog.ts";
import { schemaPaths, writeNextMigration } from "./schema-engine.ts";

export interface NewService {
  /** Lower case, one word: e.g. "ppt". */
  name: string;
  title: Bilingual;
  description: Bilingual;
  /** Where an INVOLVEMENT-only view points; absent: the municipality's koordinerende enhet (the catalog's KOORDINERENDE_ENHET). */
  frontDoor?: { name: string; phone: string };
}

const json = (value: unknown) => JSON.stringify(value);
const CATALOG_PATH = "services/kit/catalog.ts";
/** The catalog's name for the municipality's koordinerende enhet, the default front door. */
const DEFAULT_FRONT_DOOR = "KOORDINERENDE_ENHET";

/**
 * Names a new service cannot take: the kit's folder, the names a token's
 * `service` claim already uses for others than a service, fields every Person
 * or the root types have, and JavaScript's reserved words (the name is an
 * identifier in the service's code).
 */
const RESERVED = new Set([
  ..."kit gateway identity web schema prisma demo family citizen none other hub person persons me case cases consent consents node nodes query mutation subscription".split(" "),
  ..."break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await".split(" "),
]);

/** What is wrong with `name` as a new service's name in the repository at `root` (bokmål and English), or null. */
export function serviceNameProblem(root: string, name: string): { nb: string; en: string } | null {
  if (!/^[a-z][a-z0-9]*$/.test(name) || name.length > 30)
    return {
      nb: `Navnet på en tjeneste er ett ord med små bokstaver (a–z, sifre etter første bokstav, høyst 30 tegn), ikke «${name}».`,
      en: `A service's name is one lower-case word (a–z, digits after the first letter, at most 30 characters), not "${name}".`,
    };
  if (RESERVED.has(name)) return { nb: `«${name}» er et reservert ord i huben; velg et annet navn.`, en: `"${name}" is a reserved word in the hub; choose another name.` };
  const catalog = fs.readFileSync(path.join(root, CATALOG_PATH), "utf8");
  if (catalog.includes(`name: ${json(name)},`) || fs.existsSync(path.join(root, "services", name)) || fs.existsSync(path.join(root, "prisma", name)))
    return { nb: `Det finnes allerede en tjeneste som heter «${name}».`, en: `There is a service called "${name}" already.` };
  return null;
}

const pascal = (name: string) => name[0]!.toUpperCase() + name.slice(1);

/** The files of services/<name>/, by file name. */
function serviceFiles({ name, title }: NewService): Record<string, string> {
  const P = pascal(name);
  return {
    "index.ts": `// ${name}: ${title.en}.
import "reflect-metadata";
import { PersonRef } from "../kit/entities.ts";
import { accessLogResolver } from "../kit/access-log-api.ts";
import { main, type SubgraphDefinition } from "../kit/subgraph.ts";
import { demoSeed } from "../../demo/seed.ts";
import { createClient, ${name}Loaders, type ${P}Client, type ${P}Loaders } from "./data.ts";
import { Person${P}Resolver } from "./resolvers.ts";
import { ${name}Writes } from "./writes.ts";

export const ${name}: SubgraphDefinition<${P}Client, ${P}Loaders> = {
  service: "${name}",
  resolvers: [Person${P}Resolver, accessLogResolver("${name}", PersonRef), ${name}Writes.resolver],
  orphanedTypes: [PersonRef],
  createClient,
  loaders: ${name}Loaders,
  writes: ${name}Writes,
};

main(${name}, { seed: demoSeed("${name}") });
`,
    "writes.ts": `// What ${title.en}'s own systems and staff write to the hub (write${P}). The kit gives every
// service the involvement (startInvolvement, updateInvolvement, endInvolvement), the guard, idempotency,
// the transaction and the access log (services/kit/writes/); the service's own kinds of records go in
// \`kinds\` (services/frivillighet/writes.ts has one; its table needs sourceSystem and sourceId in
// schema.prisma, then \`npm run db:new -- ${name} source_keys\`).
import { serviceWrites, WRITE_TRANSACTION } from "../kit/writes/service.ts";
import type { ${P}Client } from "./data.ts";

export const ${name}Writes = serviceWrites({
  service: "${name}",
  kinds: [],
  transaction: (db: ${P}Client) => (work) => db.$transaction(work, WRITE_TRANSACTION),
});
`,
    "data.ts": `// Every read of ${name}'s data, batched per request.
import type { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../prisma/${name}/generated/client.ts";
import { manyByKey } from "../kit/loaders.ts";
import { registeredInvolvements } from "../kit/writes/involvement.ts";

export const createClient = (adapter: PrismaPg) => new PrismaClient({ adapter });
export type ${P}Client = ReturnType<typeof createClient>;

export function ${name}Loaders(db: ${P}Client) {
  return {
    records: manyByKey(
      (ids) => db.${name}Record.findMany({ where: { personId: { in: [...ids] } }, orderBy: { since: "desc" } }),
      (r) => r.personId,
    ),
    /** What ${name}'s systems registered through write${P} (startInvolvement …). */
    registered: registeredInvolvements(db),
  };
}

export type ${P}Loaders = ReturnType<typeof ${name}Loaders>;
`,
    "involvement.ts": `// ${title.en}'s involvement fact (category INVOLVEMENT): a current record or an involvement
// its systems registered (write${P}), and whom to call.
import { isCurrent } from "../kit/scalars.ts";
import { contact, firstContact, type ContactPerson, type Involvement } from "../kit/views.ts";
import { withRegistered } from "../kit/writes/involvement.ts";
import type { ${P}Loaders } from "./data.ts";

type RecordRow = Awaited<ReturnType<${P}Loaders["records"]["load"]>>[number];

export const recordContact = (r: RecordRow): ContactPerson | null => contact(r.contactName, "kontaktperson", r.contactPhone);

/** Through the same loader as the full view, so both layers share one statement. */
export async function ${name}Involvement(loaders: ${P}Loaders, personId: string): Promise<Involvement> {
  const [rows, registered] = await Promise.all([loaders.records.load(personId), loaders.registered.load(personId)]);
  const current = (r: RecordRow) => isCurrent(r.until);
  return withRegistered(registered, { involved: rows.some(current), contact: firstContact(rows, current, recordContact) });
}
`,
    "resolvers.ts": `import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PersonRef } from "../kit/entities.ts";
import type { SubgraphContext } from "../kit/subgraph.ts";
import type { ${P}Loaders } from "./data.ts";
import { recordContact, ${name}Involvement } from "./involvement.ts";
import { ${P}View } from "./types.ts";

type Context = SubgraphContext<${P}Loaders>;

@Resolver(() => PersonRef)
export class Person${P}Resolver {
  @FieldResolver(() => ${P}View, { nullable: true, description: "${title.en}'s view of the person, under the consent rules." })
  ${name}(@Root() person: PersonRef, @Ctx() ctx: Context) {
    return ctx.access.serviceView(person.id, {
      involvement: () => ${name}Involvement(ctx.loaders, person.id),
      full: async () => {
        const [fact, rows] = await Promise.all([${name}Involvement(ctx.loaders, person.id), ctx.loaders.records.load(person.id)]);
        return { ...fact, records: rows.map((r) => ({ ...r, contact: recordContact(r) })) };
      },
    });
  }
}
`,
    "types.ts": `import { Field, ObjectType } from "type-graphql";
import { AccessDecision } from "../kit/access.ts";
import { DateScalar } from "../kit/scalars.ts";
import { ContactPerson } from "../kit/views.ts";

@ObjectType({ description: "A record ${title.en} keeps about a person." })
export class ${P}Record {
  @Field(() => String, { description: "What it is, in a few words." })
  title!: string;

  @Field(() => ContactPerson, { nullable: true, description: "Whom to contact about it." })
  contact?: ContactPerson | null;

  @Field(() => DateScalar, { description: "Since when." })
  since!: Date;

  @Field(() => DateScalar, { nullable: true, description: "Until when, if known." })
  until?: Date | null;
}

@ObjectType({ description: "${title.en}'s view of a person. Data fields are null unless access is granted. With status INVOLVEMENT_ONLY only \`involved\` and \`contact\` are filled in." })
export class ${P}View {
  @Field(() => AccessDecision, { description: "How access to this view was decided." })
  access!: AccessDecision;

  @Field(() => Boolean, { nullable: true, description: "Whether ${title.en} is involved with the person now (also under INVOLVEMENT_ONLY)." })
  involved?: boolean | null;

  @Field(() => ContactPerson, { nullable: true, description: "Whom to contact: the contact of a current record." })
  contact?: ContactPerson | null;

  @Field(() => [${P}Record], { nullable: true, description: "Records, newest first." })
  records?: ${P}Record[] | null;
}
`,
  };
}

function prismaSchema({ name }: NewService): string {
  const P = pascal(name);
  return `// ${name}'s own database. Change this file, then \`npm run db:new -- ${name} <name>\` writes the migration.
generator client {
  provider = "prisma-client"
  output   = "./generated"
  moduleFormat = "esm"
}

datasource db {
  provider = "postgresql"
}

/// A record ${name} keeps about a person.
model ${P}Record {
  id           String    @id
  personId     String    @map("person_id")
  title        String
  contactName  String?   @map("contact_name")
  contactPhone String?   @map("contact_phone")
  since        DateTime  @db.Date
  until        DateTime? @db.Date

  @@index([personId])
  @@map("${name}_record")
}
`;
}

function demoFile({ name, title }: NewService): string {
  return `// ${title.en}'s demo data, a placeholder: a current record — so an involvement, with
// a contact — for the first two persons in the register. Replace it with the
// service's part of the families' stories (demo/fjordvik.ts, demoPersonId).
import { serviceDemo, demoDay } from "../service-demo.ts";

export default serviceDemo((world) => ({
  ${name}Record: world.registry.person.slice(0, 2).map((person, i) => ({
    id: \`${name}-record-\${i + 1}\`,
    personId: person.id!,
    title: "${title.nb}",
    contactName: "Kontaktperson ${title.nb}",
    contactPhone: \`+47 400 09 \${100 + i}\`,
    since: demoDay("2026-09-01"),
    until: null,
  })),
}));
`;
}

function catalogEntry({ name, title, description, frontDoor }: NewService): string {
  return `  {
    name: ${json(name)},
    title: { en: ${json(title.en)}, nb: ${json(title.nb)} },
    description: { en: ${json(description.en)}, nb: ${json(description.nb)} },
    personView: true,
    casework: true,
    frontDoor: ${frontDoor ? `{ name: ${json(frontDoor.name)}, phone: ${json(frontDoor.phone)} }` : DEFAULT_FRONT_DOOR},
  },
`;
}

const CATALOG_END = "] as const satisfies readonly ServiceEntry[];";

/** Writes the new service into the repository at `root`; returns the paths it wrote, relative to `root`. */
export async function scaffoldService(root: string, service: NewService): Promise<string[]> {
  const { name } = service;
  const problem = serviceNameProblem(root, name);
  if (problem) throw new Error(problem.en);
  const written: string[] = [];
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
    written.push(rel);
  };

  for (const [file, text] of Object.entries(serviceFiles(service))) write(`services/${name}/${file}`, text);
  write(`prisma/${name}/schema.prisma`, prismaSchema(service));
  const init = await writeNextMigration(schemaPaths(name, path.join(root, "prisma")), "init");
  if (init.written) written.push(path.relative(root, init.file), `prisma/${name}/migrations/migration_lock.toml`);
  write(`demo/services/${name}.ts`, demoFile(service));

  const catalog = fs.readFileSync(path.join(root, CATALOG_PATH), "utf8");
  if (!catalog.includes(CATALOG_END)) throw new Error(`${CATALOG_PATH} has no "${CATALOG_END}" to add the entry before.`);
  if (!service.frontDoor && !catalog.includes(`const ${DEFAULT_FRONT_DOOR} =`)) throw new Error(`${CATALOG_PATH} has no ${DEFAULT_FRONT_DOOR}; give the service a front door.`);
  write(CATALOG_PATH, catalog.replace(CATALOG_END, `${catalogEntry(service)}${CATALOG_END}`));
  return written;
}
