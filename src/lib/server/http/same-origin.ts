// Cross-site WebSocket hijacking defence: browsers always send Origin on a WebSocket handshake,
// and cookies ride along, so only handshakes from our own pages may open a connection.
export function isSameOrigin(
	originHeader: string | undefined,
	hostHeader: string | undefined,
	publicOrigin: string
): boolean {
	if (!originHeader) return false;
	let origin: URL;
	try {
		origin = new URL(originHeader);
	} catch {
		return false;
	}
	if (origin.origin === new URL(publicOrigin).origin) return true;
	return Boolean(hostHeader) && origin.host === hostHeader;
}
