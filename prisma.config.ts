// Prisma's CLI would download a native schema engine on every command; generate,
// validate and format never run it, so point it at a binary that is never called.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

export default {};
