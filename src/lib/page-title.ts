export const productName = 'Leitbild-Werkstatt';

/** The document title: the page first, so tabs and screen readers tell pages apart. */
export function pageTitle(page?: string): string {
	return page ? `${page} – ${productName}` : productName;
}
