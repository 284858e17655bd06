// ProseMirror JSON of a document, as the server stores and renders it and the browser reads it.
export interface PmMark {
	type: string;
	attrs?: Record<string, unknown>;
}

export interface PmNode {
	type: string;
	attrs?: Record<string, unknown>;
	content?: PmNode[];
	text?: string;
	marks?: PmMark[];
}
