// Parts of the document page that its first view does not show: a side panel's other tabs and
// the dialogs opened from the text. Each loads on first use, once; a failed load is tried again
// on the next use.
function once<T>(load: () => Promise<T>): () => Promise<T> {
	let loading: Promise<T> | undefined;
	return () =>
		(loading ??= load().catch((error: unknown) => {
			loading = undefined;
			throw error;
		}));
}

export const loadProposalPanel = once(() => import('./ProposalPanel.svelte'));
export const loadSourcePanel = once(() => import('./SourcePanel.svelte'));
export const loadSourceDialog = once(() => import('./SourceDialog.svelte'));
export const loadSelectionSheet = once(() => import('./SelectionSheet.svelte'));
export const loadLinkDialog = once(() => import('./LinkDialog.svelte'));
