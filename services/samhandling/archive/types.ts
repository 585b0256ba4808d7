// GraphQL types of a closed case's archive package.
import { Field, ID, ObjectType } from "type-graphql";
import { DownloadableFile } from "../../kit/downloadable-file.ts";
import { DateTimeScalar } from "../../kit/scalars.ts";

@ObjectType({ description: "A closed case's archive package: its record as a PDF/A copy and as a machine-readable file with archive metadata (Noark 5 style)." })
export class CaseArchive {
  @Field(() => ID, { description: "The closed case." })
  caseId!: string;

  @Field(() => ID, { description: "The package's own id (Noark systemID, a UUID): the archive's key for it." })
  systemId!: string;

  @Field(() => DateTimeScalar, { description: "When the case was closed." })
  closedAt!: Date;

  @Field(() => DownloadableFile, { description: "The case's record as a PDF/A-2b document, in bokmål." })
  pdf!: DownloadableFile;

  @Field(() => DownloadableFile, {
    description: "The same record as JSON with archive metadata: title, parties, dates, classification, exemption from public access, and the PDF's checksum (docs/integration/archive.md).",
  })
  metadata!: DownloadableFile;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the municipality's archive acknowledged it; null until then." })
  fetchedAt?: Date | null;
}
