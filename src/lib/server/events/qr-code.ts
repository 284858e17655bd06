// QR codes made by the app itself: no outside service learns who joins what.
import QRCode from 'qrcode';

/** An SVG QR code of the text, black on white, with the quiet zone scanners need. */
export function qrCodeSvg(text: string): Promise<string> {
	return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}
