/** Fixtures of the photos and documents tests: attachments as the server answers them, and the XHR upload edge. */
import { act } from '@testing-library/react';
import { AttachmentGalleryDocument, type AttachmentKind } from '../../gql/graphql';
import { mocked } from '../../test/fixtures';

export const PROJECT_ID = 'UHJvamVjdDox';
export const TECH_ID = 'VXNlcjo5';

let n = 0;

/** An attachment as the gallery selects it: a damage photo with its thumbnail, by default. */
export function attachmentNode(overrides: Record<string, unknown> = {}) {
  const id = (overrides.id as string | undefined) ?? `QXR0YWNobWVudDo${++n}`;
  return {
    __typename: 'Attachment' as const,
    id,
    kind: 'DAMAGE' as AttachmentKind,
    caption: null as string | null,
    fileName: `roof-${n}.jpg`,
    contentType: 'image/jpeg',
    sizeBytes: 182_000,
    width: 1600,
    height: 1200,
    takenAt: '2026-11-20T16:05:00.000Z' as string | null,
    location: null as { __typename: 'GeoPoint'; latitude: number; longitude: number } | null,
    sharedWithAdjuster: false,
    thumbnailStatus: 'READY' as const,
    url: `/files/${id}?variant=original&sig=x`,
    thumbnailUrl: `/files/${id}?variant=thumbnail&sig=x` as string | null,
    urlExpiresAt: '2099-01-01T00:00:00.000Z',
    uploadedBy: { __typename: 'User' as const, id: TECH_ID, name: 'Taylor Kim' },
    createdAt: '2026-11-20T16:10:00.000Z',
    deletedAt: null,
    ...overrides,
  };
}

export type AttachmentNode = ReturnType<typeof attachmentNode>;

/** The gallery of `ownerId` (only `kinds` when given) answered with `nodes`, as often as asked. */
export function galleryMock(ownerId: string, nodes: readonly AttachmentNode[], kinds: AttachmentKind[] | null = null) {
  return mocked(
    AttachmentGalleryDocument,
    {
      attachments: {
        __typename: 'AttachmentConnection',
        totalCount: nodes.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: nodes.map((node, i) => ({ __typename: 'AttachmentEdge' as const, cursor: `c${i}`, node })),
      },
    },
    { variables: { ownerId, kinds, first: 48 }, maxUsageCount: Number.POSITIVE_INFINITY },
  );
}

/**
 * The browser's XMLHttpRequest as the upload sees it: each request is recorded, and the test plays the network —
 * progress events, the server's answer (status and JSON), or a dropped connection.
 */
export class FakeXhr {
  static sent: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  status = 0;
  responseText = '';
  upload: { onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  send(body: unknown) {
    this.body = body;
    FakeXhr.sent.push(this);
  }
  abort() {
    this.onabort?.();
  }

  /** The query of the request (`ownerId`, `kind`, `caption`, `fileName`). */
  get params() {
    return Object.fromEntries(new URL(this.url, 'http://app.test').searchParams);
  }
  progress(loaded: number, total: number) {
    act(() => this.upload.onprogress?.({ loaded, total, lengthComputable: true }));
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    act(() => this.onload?.());
  }
  /** The connection dropped (no answer). */
  drop() {
    act(() => this.onerror?.());
  }
}

/** Installs FakeXhr for the tests of a file (and restores the browser's after them). */
export function useFakeXhr() {
  const original = globalThis.XMLHttpRequest;
  beforeEach(() => {
    FakeXhr.sent = [];
    Object.assign(globalThis, { XMLHttpRequest: FakeXhr });
  });
  afterEach(() => Object.assign(globalThis, { XMLHttpRequest: original }));
}

/** What `fetch` answers (jsdom has no Response). */
export const answer = (status: number, body: unknown) => ({ ok: status < 300, status, json: async () => body });

/** The upload endpoint's answer for a stored file. */
export const stored = (id: string, replayed = false) => ({ id, replayed, kind: 'DAMAGE', fileName: 'x.jpg', contentType: 'image/jpeg', sizeBytes: 3, takenAt: null, latitude: null, longitude: null, thumbnailStatus: 'PENDING' });

/** A small file as the camera gives it. */
export const photo = (name: string, bytes = 4, type = 'image/jpeg') => new File([new Uint8Array(bytes)], name, { type });
