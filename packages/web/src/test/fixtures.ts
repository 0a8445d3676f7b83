/**
 * The component tests' one fixtures module: mocked responses typed from the generated documents (a field the
 * operation does not select, or a missing one, is a type error), the signed-in viewer and UserErrors.
 */
import type { MockLink } from '@apollo/client/testing';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { MeDocument, type MeQuery, type Role, type UserErrorCode } from '../gql/graphql';

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type Masked = ' $fragmentRefs' | ' $fragmentName';
type Spread<T> = T extends { ' $fragmentRefs'?: infer R } ? UnionToIntersection<NonNullable<R>[keyof NonNullable<R>]> : unknown;
type Own<T> = Omit<T, Masked> & Omit<Spread<T>, Masked>;

/** An operation's result with every fragment spread in place (what the server sends). */
export type Unmask<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends ReadonlyArray<infer E>
    ? ReadonlyArray<Unmask<E>>
    : T extends object
      ? { [K in keyof Own<T>]: Unmask<Own<T>[K]> }
      : T;

export interface MockOptions<TVariables> {
  variables?: TVariables;
  /** How often it may be asked (default once). */
  maxUsageCount?: number;
  delay?: number;
}

/** A mocked response for `query`, its variables and data checked against the generated types. */
export function mocked<TData, TVariables>(
  query: TypedDocumentNode<TData, TVariables>,
  data: Unmask<TData>,
  { variables, ...options }: MockOptions<TVariables> = {},
): MockLink.MockedResponse {
  const result = { data: data as Record<string, unknown> };
  return { request: { query, variables: variables as Record<string, unknown> | undefined }, result, ...options };
}

export type MockViewer = NonNullable<Unmask<MeQuery>['me']>;

export const NORTH_METRO = { __typename: 'Team', id: 'VGVhbTox', name: 'North Metro' } as const;

/** The signed-in viewer (`me`), answered as often as asked: Sam Carter of North Metro unless told otherwise. */
export const meMock = (role: Role = 'SALES', viewer: Partial<MockViewer> = {}): MockLink.MockedResponse =>
  mocked(
    MeDocument,
    {
      me: {
        __typename: 'User',
        id: 'VXNlcjox',
        name: 'Sam Carter',
        email: 'sales@iswitchroofs.test',
        role,
        team: NORTH_METRO,
        ...viewer,
      },
    },
    { maxUsageCount: Number.POSITIVE_INFINITY },
  );

/** A `UserError` as a mutation payload carries it. */
export const userError = (field: string[] | null, code: UserErrorCode, message: string) =>
  ({ __typename: 'UserError', field, code, message }) as const;
