import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the query selects `name` directly under the field being resolved (through fragments too), so a loader can
 * read a related row in the same statement only when the answer shows it. `@skip`/`@include` are not evaluated: a
 * conditional selection counts as selected.
 */
export function selects(info: GraphQLResolveInfo, name: string): boolean {
  const seen = new Set<string>();
  const within = (set: SelectionSetNode | undefined): boolean =>
    Boolean(
      set?.selections.some((s) => {
        if (s.kind === Kind.FIELD) return s.name.value === name;
        if (s.kind === Kind.INLINE_FRAGMENT) return within(s.selectionSet);
        if (seen.has(s.name.value)) return false;
        seen.add(s.name.value);
        return within(info.fragments[s.name.value]?.selectionSet);
      }),
    );
  return info.fieldNodes.some((node) => within(node.selectionSet));
}
