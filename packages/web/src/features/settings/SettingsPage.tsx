import ComingSoonPage from '../placeholder/ComingSoonPage';

export default function SettingsPage() {
  return <ComingSoonPage title="Settings" description="Being built." />;
}
