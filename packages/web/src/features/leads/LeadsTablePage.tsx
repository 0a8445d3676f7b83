import ComingSoonPage from '../placeholder/ComingSoonPage';

export default function LeadsTablePage() {
  return <ComingSoonPage title="Leads" description="Being built." />;
}
