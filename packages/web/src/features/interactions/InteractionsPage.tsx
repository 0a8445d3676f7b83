import ComingSoonPage from '../placeholder/ComingSoonPage';

export default function InteractionsPage() {
  return <ComingSoonPage title="Interactions" description="Being built." />;
}
