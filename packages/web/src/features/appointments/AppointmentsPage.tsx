import ComingSoonPage from '../placeholder/ComingSoonPage';

export default function AppointmentsPage() {
  return <ComingSoonPage title="Appointments" description="Being built." />;
}
