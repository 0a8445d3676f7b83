import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The names of the fields the query selects directly under the field being resolved, through inline fragments and
 * fragment spreads (`@skip`/`@include` are not evaluated: a conditional selection counts as selected). Kept per field
 * node: graphql-js builds a new field-node array per execution, but the nodes are the parsed document's own, and
 * Apollo and subscriptions reuse one parsed document. A field merged from several nodes is worked out each time (rare).
 */
export function selectedNames(info: GraphQLResolveInfo): ReadonlySet<string> {
  const single = info.fieldNodes.length === 1 ? info.fieldNodes[0]! : null;
  const known = single && cache.get(single);
  if (known) return known;
  const names = new Set<string>();
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) names.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        visit(info.fragments[s.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  if (single) cache.set(single, names);
  return names;
}

const cache = new WeakMap<FieldNode, ReadonlySet<string>>();

/** Whether the query selects `name` under the field being resolved, so a loader reads a related row only when shown. */
export const selects = (info: GraphQLResolveInfo, name: string): boolean => selectedNames(info).has(name);
