/** The family fields of a member who lives in the household, alive, not the キーパーソン (tests and the bench). */
export const livingMember = {
  livesInHousehold: true,
  deceased: false,
  death: { date: null, year: null },
  isKeyPerson: false,
} as const;

/** The same as `listMembers` returns them. */
export const livingAsListed = {
  livesInHousehold: true,
  deceased: false,
  deathDate: null,
  deathYear: null,
  isKeyPerson: false,
} as const;
