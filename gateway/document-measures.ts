// How much a document asks for, measured without expanding it. A fragment
// may be spread many times and spread other fragments in turn, so a 900-byte
// document can stand for millions of fields (22 fragments that each spread
// the next twice: 2^22); inlining it to measure it would cost what it
// measures. Each fragment is measured once and its measure reused wherever it
// is spread, so measuring is linear in the document's size.
//
// The cost rule is the one trusted documents are priced by when they are
// built (persisted-documents.ts) and the one the gateway holds every other
// document to (plugins/document-limits.ts): one rule in both modes.
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/** A measure of one selection set, given the type it selects on. */
type Measure = (selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined) => number;

/**
 * Measures selection sets with `field` (what one field counts, given what its
 * selection set counts) and each fragment's selection once. A fragment spread
 * inside itself counts 0 here; validation refuses such a document.
 */
function measurer(document: DocumentNode, schema: GraphQLSchema | undefined, field: (def: GraphQLField<unknown, unknown> | undefined, inner: () => number) => number): Measure {
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const known = new Map<string, number>();
  const typeNamed = (name: string) => schema?.getType(name) ?? undefined;
  const measure: Measure = (selectionSet, parent) => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const def = schema && parent ? fieldDefinition(schema, parent, selection.name.value) : undefined;
        const inner = selection.selectionSet;
        total += field(def, () => (inner ? measure(inner, def && getNamedType(def.type)) : 0));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += measure(selection.selectionSet, selection.typeCondition ? typeNamed(selection.typeCondition.name.value) : parent);
      } else {
        const name = selection.name.value;
        if (!known.has(name)) {
          known.set(name, 0);
          const fragment = fragments.get(name);
          if (fragment) known.set(name, measure(fragment.selectionSet, typeNamed(fragment.typeCondition.name.value)));
        }
        total += known.get(name)!;
      }
    }
    return total;
  };
  return measure;
}

/** As graphql-js's TypeInfo finds a field: the meta fields too. */
function fieldDefinition(schema: GraphQLSchema, parent: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (parent === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  if (name === TypeNameMetaFieldDef.name && isCompositeType(parent)) return TypeNameMetaFieldDef;
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

/** The operations measured: the one named, or every one. */
function operationsOf(document: DocumentNode, operationName?: string | null): OperationDefinitionNode[] {
  const all = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const named = operationName ? all.filter((op) => op.name?.value === operationName) : [];
  return named.length > 0 ? named : all;
}

/**
 * How many fields the document selects with every fragment spread expanded
 * where it is used (the size of what a query planner has to plan). Needs no
 * schema and no validation, so it can run before either.
 */
export function expandedSelections(document: DocumentNode, operationName?: string | null): number {
  const measure = measurer(document, undefined, (_def, inner) => 1 + inner());
  return operationsOf(document, operationName).reduce((sum, op) => sum + measure(op.selectionSet, undefined), 0);
}

/**
 * A document's estimated cost by demand control's rules: 1 for every field
 * of an object (or interface/union) type, multiplied by `listSize` for each
 * list it sits in (`[X]`, `[X!]!` alike), and 10 for a mutation.
 * Introspection (`__schema`, `__type`) costs nothing: the gateway answers it
 * from its own schema without calling a service. Expects a document valid
 * against `schema`.
 */
export function documentCost(schema: GraphQLSchema, document: DocumentNode, listSize: number, operationName?: string | null): number {
  const measure = measurer(document, schema, (def, inner) => {
    if (!def || def === SchemaMetaFieldDef || def === TypeMetaFieldDef) return 0;
    const own = isCompositeType(getNamedType(def.type)) ? 1 : 0;
    return own + (isListType(getNullableType(def.type)) ? listSize : 1) * inner();
  });
  return operationsOf(document, operationName).reduce(
    (sum, op) => sum + (op.operation === "mutation" ? 10 : 0) + measure(op.selectionSet, schema.getRootType(op.operation) ?? undefined),
    0,
  );
}
