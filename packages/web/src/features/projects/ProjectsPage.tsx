import ComingSoonPage from '../placeholder/ComingSoonPage';

export default function ProjectsPage() {
  return <ComingSoonPage title="Projects" description="Being built." />;
}
