import ComingSoonPage from '../placeholder/ComingSoonPage';

export default function LeadDetailPage() {
  return <ComingSoonPage title="Lead" description="Being built." />;
}
