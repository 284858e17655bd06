// How roles are named and explained on every page that shows them.
export const roleLabels = {
	admin: 'Administration',
	manager: 'Mitglieder verwalten',
	editor: 'Redaktion',
	signatory: 'Zeichnungsberechtigt',
	viewer: 'Lesen'
} as const;

export type RoleName = keyof typeof roleLabels;

export const roleDescriptions: Record<RoleName, string> = {
	admin: 'Darf in der ganzen Installation alles (nur über den Kreis).',
	manager: 'Lädt Mitglieder der eigenen Organisation ein und verwaltet sie.',
	editor: 'Schreibt an Dokumenten mit, legt Veranstaltungen, Wände und Umfragen an.',
	signatory: 'Erfasst Beschlüsse und Zustimmung für die eigene Organisation.',
	viewer: 'Liest; kommentiert, wo ein Dokument es erlaubt.'
};

export function describeRoles(roles: readonly RoleName[]): string {
	return roles.map((role) => roleLabels[role]).join(', ');
}
