import ComingSoonPage from '../placeholder/ComingSoonPage';

export default function CustomerDetailPage() {
  return <ComingSoonPage title="Customer" description="Being built." />;
}
