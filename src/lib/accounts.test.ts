import { describe, expect, it } from 'vitest';
import { accountRefusalText } from './accounts';

describe('accountRefusalText', () => {
	it('names the other organisations and who takes over', () => {
		expect(
			accountRefusalText(
				{ otherOrganisations: ['Stadt Bergkamen'], admin: false, noOrganisation: false },
				'Das Zurücksetzen'
			)
		).toBe(
			'Diese Person gehört auch zu Stadt Bergkamen: Das Zurücksetzen übernimmt die Kreisverwaltung.'
		);
		expect(
			accountRefusalText(
				{
					otherOrganisations: ['Stadt Bergkamen', 'Gemeinde Bönen', 'Kreis Unna'],
					admin: false,
					noOrganisation: false
				},
				'Das Deaktivieren'
			)
		).toContain('Stadt Bergkamen, Gemeinde Bönen und Kreis Unna: Das Deaktivieren');
	});

	it('says an admin account is for admins', () => {
		expect(
			accountRefusalText(
				{ otherOrganisations: ['Kreis Unna'], admin: true, noOrganisation: false },
				'Das Zurücksetzen'
			)
		).toBe(
			'Diese Person gehört zur Administration: Das Zurücksetzen übernimmt eine andere Administration.'
		);
	});

	it('says nothing when nothing stands in the way', () => {
		expect(
			accountRefusalText({ otherOrganisations: [], admin: false, noOrganisation: false }, 'Das')
		).toBe('');
	});
});
