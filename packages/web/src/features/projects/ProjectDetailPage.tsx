import ComingSoonPage from '../placeholder/ComingSoonPage';

export default function ProjectDetailPage() {
  return <ComingSoonPage title="Project" description="Being built." />;
}
