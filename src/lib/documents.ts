// How document kinds and states are named on every page.
export const documentKindLabels = {
	leitbild: 'Leitbild',
	selbstverpflichtung: 'Selbstverpflichtung',
	sonstiges: 'Sonstiges'
} as const;

export const documentStatusLabels = {
	entwurf: 'Entwurf',
	'in-abstimmung': 'In Abstimmung',
	beschlossen: 'Beschlossen'
} as const;
