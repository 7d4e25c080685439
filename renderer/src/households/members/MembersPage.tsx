import { FamilySection } from '../family/FamilySection';
import { MembersEditor } from './MembersEditor';

/** The household's 世帯員 screen: the members, then their relations with the drawings they make. */
export function MembersPage() {
  return (
    <>
      <MembersEditor />
      <FamilySection />
    </>
  );
}
