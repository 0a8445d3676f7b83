import ComingSoonPage from '../placeholder/ComingSoonPage';

export default function CustomersPage() {
  return <ComingSoonPage title="Customers" description="Being built." />;
}
