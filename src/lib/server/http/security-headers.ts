// Headers every response carries. Pages get their full Content-Security-Policy from kit.csp; the
// fallback here covers static files, JSON and anything else that is not a page.
export const securityHeaders: Readonly<Record<string, string>> = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'X-Frame-Options': 'DENY',
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Resource-Policy': 'same-origin',
	'Permissions-Policy':
		'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), ' +
		'magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), usb=(), ' +
		'interest-cohort=(), browsing-topics=()'
};

export const fallbackContentSecurityPolicy =
	"default-src 'none'; img-src 'self'; style-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A year, the value HSTS preload lists and most services use. */
const transportSecurityMaxAge = 365 * 24 * 60 * 60;

/**
 * Strict-Transport-Security when the app is reached over https (ORIGIN): browsers then never try
 * plain http for it again. Without includeSubDomains: other services of the same domain (a
 * Kreis's intranet) are not ours to decide for.
 */
export function transportSecurityHeaders(origin: string | undefined): Record<string, string> {
	return origin?.startsWith('https://')
		? { 'Strict-Transport-Security': `max-age=${transportSecurityMaxAge}` }
		: {};
}
