import { EmptyState, PageHeader } from '../../ui';

export interface ComingSoonPageProps {
  title: string;
  /** What the page will offer. */
  description: string;
}

/** A route whose page is not built yet: says so plainly instead of pretending. */
export default function ComingSoonPage({ title, description }: ComingSoonPageProps) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState icon="tool" title="Coming soon" description={description} />
    </>
  );
}
