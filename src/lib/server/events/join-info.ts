// The way in for latecomers, as every projection shows it: one place for the link, its QR code
// and the short address.
import { isLocalOrigin } from '$lib/events';
import type { JoinInfo } from '$lib/projection/join';
import type { AppConfig } from '../config';
import type { EventRow } from '../db/schema';
import { publicUrl } from '../http/public-url';
import { qrCodeSvg } from './qr-code';

export async function joinInfo(
	config: AppConfig,
	found: EventRow,
	requestUrl: URL
): Promise<JoinInfo> {
	const url = publicUrl(config, `/join/${found.joinCode}`, requestUrl);
	const open = found.joiningOpen && !found.archivedAt;
	return {
		open,
		url,
		shortUrl: url.replace(/^https?:\/\//, '').replace(/\/join\/.*$/, '/join'),
		code: found.joinCode,
		qrSvg: open ? await qrCodeSvg(url) : '',
		unreachable: isLocalOrigin(url)
	};
}
