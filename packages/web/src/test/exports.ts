import { InMemoryCache, type ApolloCache } from '@apollo/client';
import type { MockLink } from '@apollo/client/testing';
import type { Api } from '../app/apollo';
import { createTestApi } from './testApi';

/** The test API over `mocks`, signed in (an export sends the session's bearer token). */
export function signedInTestApi(mocks: ReadonlyArray<MockLink.MockedResponse>, cache: ApolloCache = new InMemoryCache()): Api {
  const api = createTestApi(mocks, cache);
  api.session.start({ accessToken: 'tok', accessTokenExpiresAt: Date.now() + 3_600_000, refreshToken: 'r' });
  return api;
}

/**
 * What a page's "Export CSV" sends: `fetch` answers each export with an empty file (the download itself stubbed), and
 * the requests are collected as the list's URL and the JSON body (its filter and order).
 */
export function captureExports(): Array<{ url: string; body: unknown }> {
  const sent: Array<{ url: string; body: unknown }> = [];
  const fetchMock = jest.fn(async (url: string, init: RequestInit) => {
    sent.push({ url, body: JSON.parse(String(init.body)) });
    return {
      ok: true,
      status: 200,
      headers: new Headers({ 'content-disposition': 'attachment; filename="export.csv"' }),
      blob: async () => new Blob(['\uFEFFID\r\n'], { type: 'text/csv' }),
    } as unknown as Response;
  });
  Object.assign(globalThis, { fetch: fetchMock });
  Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:export'), revokeObjectURL: jest.fn() });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  return sent;
}
