import { z } from 'zod';
import { formatWarekiYear, warekiInput } from '../../../../electron/domain/dates';
import type { Member } from '../../../../electron/ipc/schemas/households';
import { saveMembersInputSchema } from '../../../../electron/ipc/schemas/households';

/** The contract's members list (order = labels, at most one 本人), as the editor's whole form. */
export const membersFormSchema = z.object({
  members: saveMembersInputSchema.shape.members,
  reason: saveMembersInputSchema.shape.reason,
});
export type MembersFormValues = z.input<typeof membersFormSchema>;
export type MembersFormParsed = z.output<typeof membersFormSchema>;
export type MemberRowValues = MembersFormValues['members'][number];

export const memberFieldNames = [
  'name',
  'kana',
  'relationship',
  'birthDate',
  'sex',
  'livesInHousehold',
  'deceased',
  'death',
  'isKeyPerson',
] as const;

export function blankMember(isPrincipal: boolean): MemberRowValues {
  return {
    name: '',
    kana: '',
    relationship: '',
    birthDate: '',
    sex: 'unknown',
    isPrincipal,
    livesInHousehold: true,
    deceased: false,
    death: '',
    isKeyPerson: false,
  };
}

/** Saved members back into the editor: ids kept (so saving moves them), dates as 和暦 text. */
export function toFormMembers(members: readonly Member[]): MemberRowValues[] {
  if (members.length === 0) return [blankMember(true)];
  return members.map((m) => ({
    id: m.id,
    name: m.name,
    kana: m.kana,
    relationship: m.relationship,
    birthDate: warekiInput(m.birthDate),
    sex: m.sex,
    isPrincipal: m.isPrincipal,
    livesInHousehold: m.livesInHousehold,
    deceased: m.deceased,
    death: m.deathDate ? warekiInput(m.deathDate) : m.deathYear !== null ? formatWarekiYear(m.deathYear) : '',
    isKeyPerson: m.isKeyPerson,
  }));
}
