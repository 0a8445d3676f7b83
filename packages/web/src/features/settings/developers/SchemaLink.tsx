import type { MouseEvent, ReactNode } from 'react';
import { useOptionalApi } from '../../../app/auth';

/**
 * A link that downloads the SDL with the signed-in user's token: in production the schema is for signed-in callers
 * (`GRAPHQL_INTROSPECTION=signed-in`), and a plain link cannot send one. Without JavaScript it is the plain link.
 */
export function SchemaLink({ href, fileName, children }: { href: string; fileName: string; children: ReactNode }) {
  const api = useOptionalApi();
  const download = async (event: MouseEvent<HTMLAnchorElement>) => {
    if (!api) return;
    event.preventDefault();
    const token = await api.tokens.accessToken();
    const res = await fetch(href, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    if (!res.ok) return;
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <a href={href} download={fileName} onClick={(e) => void download(e)}>
      {children}
    </a>
  );
}
