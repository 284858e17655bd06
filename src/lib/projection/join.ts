// What every projection shows latecomers: the QR code, the short address and the event's code.
export interface JoinInfo {
	/** Joining is open and the event not archived. */
	open: boolean;
	/** The full join link, in the QR code. */
	url: string;
	/** The address without scheme and code, to type: "leitbild.kreis-unna.de/join". */
	shortUrl: string;
	code: string;
	qrSvg: string;
	/** The address is this computer's own: phones in the hall cannot reach it. */
	unreachable: boolean;
}
