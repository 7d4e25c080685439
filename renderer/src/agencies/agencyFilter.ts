import type { Agency } from '../../../electron/ipc/schemas/agencies';

/** Full-width and half-width, upper and lower case all match: 「ｾﾝﾀｰ」 finds 「センター」. */
function normalized(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function matchesSearch(agency: Agency, search: string): boolean {
  const words = normalized(search).split(/\s+/u).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = normalized(
    [agency.name, agency.department, agency.phone, agency.email, agency.address, agency.contactPerson].join(
      '\n',
    ),
  );
  return words.every((word) => haystack.includes(word));
}
