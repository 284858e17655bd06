// Why someone may not change a person's whole account, said the same way on every page.

export interface AccountRefusal {
	/** Names of the person's organisations the viewer does not manage. */
	otherOrganisations: readonly string[];
	/** The account holds the admin role. */
	admin: boolean;
	/** The person belongs to no organisation any more. */
	noOrganisation: boolean;
}

function listOf(names: readonly string[]): string {
	if (names.length <= 1) return names.join('');
	return `${names.slice(0, -1).join(', ')} und ${names.at(-1)}`;
}

/**
 * "Diese Person gehört auch zu Stadt Bergkamen: Das Zurücksetzen übernimmt die Kreisverwaltung."
 * `what` names the action as a noun, capitalised: "Das Zurücksetzen", "Das Deaktivieren".
 */
export function accountRefusalText(refusal: AccountRefusal, what: string): string {
	if (refusal.admin) {
		return `Diese Person gehört zur Administration: ${what} übernimmt eine andere Administration.`;
	}
	if (refusal.otherOrganisations.length > 0) {
		return `Diese Person gehört auch zu ${listOf(refusal.otherOrganisations)}: ${what} übernimmt die Kreisverwaltung.`;
	}
	if (refusal.noOrganisation) {
		return `Diese Person gehört keiner Organisation mehr an: ${what} übernimmt die Kreisverwaltung.`;
	}
	return '';
}
