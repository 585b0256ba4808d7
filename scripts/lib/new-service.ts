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
  frontDoor: { name: string; phone: string };
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

export const createClient = (adapter: PrismaPg) => new PrismaClient({ adapter });
export type ${P}Client = ReturnType<typeof createClient>;

export function ${name}Loaders(db: ${P}Client) {
  return {
    records: manyByKey(
      (ids) => db.${name}Record.findMany({ where: { personId: { in: [...ids] } }, orderBy: { since: "desc" } }),
      (r) => r.personId,
    ),
  };
}

export type ${P}Loaders = ReturnType<typeof ${name}Loaders>;
`,
    "involvement.ts": `// ${title.en}'s involvement fact (category INVOLVEMENT): a current record, and whom to call.
import { isCurrent } from "../kit/scalars.ts";
import { contact, firstContact, type ContactPerson, type Involvement } from "../kit/views.ts";
import type { ${P}Loaders } from "./data.ts";

type RecordRow = Awaited<ReturnType<${P}Loaders["records"]["load"]>>[number];

export const recordContact = (r: RecordRow): ContactPerson | null => contact(r.contactName, "kontaktperson", r.contactPhone);

/** Through the same loader as the full view, so both layers share one statement. */
export async function ${name}Involvement(loaders: ${P}Loaders, personId: string): Promise<Involvement> {
  const rows = await loaders.records.load(personId);
  const current = (r: RecordRow) => isCurrent(r.until);
  return { involved: rows.some(current), contact: firstContact(rows, current, recordContact) };
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
  return `// ${title.en}'s demo data: a record for the first two persons in the register —
// replace it with the service's part of the families' stories (demo/fjordvik.ts).
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

const json = (value: unknown) => JSON.stringify(value);

function catalogEntry({ name, title, description, frontDoor }: NewService): string {
  return `  {
    name: ${json(name)},
    title: { en: ${json(title.en)}, nb: ${json(title.nb)} },
    description: { en: ${json(description.en)}, nb: ${json(description.nb)} },
    personView: true,
    casework: true,
    frontDoor: { name: ${json(frontDoor.name)}, phone: ${json(frontDoor.phone)} },
  },
`;
}

const CATALOG_END = "] as const satisfies readonly ServiceEntry[];";

/** Writes the new service into the repository at `root`; returns the paths it wrote, relative to `root`. */
export async function scaffoldService(root: string, service: NewService): Promise<string[]> {
  const { name } = service;
  if (!/^[a-z][a-z0-9]*$/.test(name)) throw new Error(`A service's name is one lower-case word, got "${name}".`);
  if (fs.existsSync(path.join(root, "services", name))) throw new Error(`services/${name}/ exists already.`);
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

  const catalogPath = "services/kit/catalog.ts";
  const catalog = fs.readFileSync(path.join(root, catalogPath), "utf8");
  if (!catalog.includes(CATALOG_END)) throw new Error(`${catalogPath} has no "${CATALOG_END}" to add the entry before.`);
  write(catalogPath, catalog.replace(CATALOG_END, `${catalogEntry(service)}${CATALOG_END}`));
  return written;
}
