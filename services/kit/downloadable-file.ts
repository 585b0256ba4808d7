// A file a client downloads through the API: the archive copy of a case, a
// citizen's copy of what the hub holds. The bytes come in the answer itself
// (base64), so a download is one GraphQL read — access-checked and logged as
// every other — and never a URL that could leak or be fetched without a token.
// A value type, identical in every subgraph that returns one, hence @shareable.
import { createHash } from "node:crypto";
import { Directive, Field, Int, ObjectType } from "type-graphql";

@Directive("@shareable")
@ObjectType({ description: "A file to download: its name, type, checksum and content. Save contentBase64, decoded, under fileName." })
export class DownloadableFile {
  @Field(() => String, { description: "A file name to save it under, e.g. arkivkopi-2026-17.pdf (no personal data)." })
  fileName!: string;

  @Field(() => String, { description: "Its media type, e.g. application/pdf or application/json." })
  mediaType!: string;

  @Field(() => Int, { description: "Its size in bytes." })
  byteSize!: number;

  @Field(() => String, { description: "SHA-256 of its bytes, lower-case hex: compare after saving to know the copy is whole." })
  sha256!: string;

  @Field(() => String, { description: "Its bytes, base64-encoded (RFC 4648, with padding)." })
  contentBase64!: string;
}

/** SHA-256 of bytes, lower-case hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** A downloadable file of these bytes. */
export function downloadableFile(fileName: string, mediaType: string, bytes: Uint8Array): DownloadableFile {
  return Object.assign(new DownloadableFile(), {
    fileName,
    mediaType,
    byteSize: bytes.byteLength,
    sha256: sha256Hex(bytes),
    contentBase64: Buffer.from(bytes).toString("base64"),
  });
}
