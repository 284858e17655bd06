import { describe, expect, it } from 'vitest';
import {
	tooManyForAddressReason,
	tooManyForPersonReason
} from '$lib/server/realtime/connection-quota';
import { closeReasonKind } from './poll-connection.svelte';

describe('closeReasonKind', () => {
	it('knows the reasons the server closes a poll connection with, so pages can translate them', () => {
		expect(closeReasonKind(tooManyForPersonReason)).toBe('too_many_for_person');
		expect(closeReasonKind(tooManyForAddressReason)).toBe('too_many_for_address');
		expect(closeReasonKind('Keine Berechtigung')).toBe('forbidden');
		expect(closeReasonKind('Etwas anderes')).toBeNull();
		expect(closeReasonKind('toString')).toBeNull();
	});
});
