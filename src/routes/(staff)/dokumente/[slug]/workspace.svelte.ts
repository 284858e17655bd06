// The document page's state: the editor and its collaboration session, the live feed of comments,
// proposals and sources, what is selected, held or being proposed, and which part of the side
// panel is open. The components only draw it and hand it their clicks.
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { tick } from 'svelte';
import { MediaQuery } from 'svelte/reactivity';
import type { CommentThread } from '$lib/comments';
import { CollabSession } from '$lib/editor/collab-session.svelte';
import { CommentFeed } from '$lib/editor/comment-feed.svelte';
import {
	CommentHighlights,
	ReadOnlyText,
	commentHighlights,
	selectionForComment,
	setCommentHighlights
} from '$lib/editor/comment-highlights';
import { ConsensusMargin } from '$lib/editor/consensus-margin';
import { documentExtensions, documentFragment } from '$lib/editor/extensions';
import { HeldSelection, holdSelection } from '$lib/editor/held-selection';
import { othersCarets } from '$lib/editor/others-carets';
import { PassageNumbers } from '$lib/editor/passage-numbers';
import {
	ReadCaretBeforeKeys,
	dispatchAfterPendingSelection,
	readSelectionBeforeRemoteChanges
} from '$lib/editor/pending-selection';
import { DraftSender } from '$lib/editor/proposal-drafts';
import { SourceLinks } from '$lib/editor/source-links.svelte';
import {
	SourceMargin,
	passagesNow,
	setSourceCounts,
	sourceCounts
} from '$lib/editor/source-margin';
import {
	SuggestionMode,
	setSuggestions,
	suggestionState,
	type Draft
} from '$lib/editor/suggestion-mode';
import type { ChangeProposal } from '$lib/proposals';
import type { EventCatalogue, PassageSourceView, SourceRef } from '$lib/sources/types';
import { loadProposalPanel, loadSelectionSheet, loadSourceDialog } from './later-parts';
import { selectionMenuKey } from './SelectionMenu.svelte';

export interface WorkspaceProps {
	documentId: string;
	databaseEpoch: string;
	title: string;
	canWrite: boolean;
	comments: {
		threads: CommentThread[];
		canComment: boolean;
		canManage: boolean;
		viewersMayComment: boolean;
		archived: boolean;
	};
	proposals: {
		items: ChangeProposal[];
		canPropose: boolean;
		organisations: { id: string; name: string }[];
		viewersMayPropose: boolean;
	};
	sources: {
		items: PassageSourceView[];
		catalogue: EventCatalogue[];
		events: { id: string; title: string; date: string; chosen: boolean }[];
		canLink: boolean;
	};
	user: { id: string; name: string; colour: string };
	onAccessChanged: () => void;
}

/** The page's dialogs and sheet, which the workspace opens from the text. The source dialog and
 * the sheet exist once first opened (`views`). */
export interface WorkspaceDialogs {
	consensus?: { open(blockId: string): void };
	source?: { open(blockId: string): void };
	sheet?: {
		open(
			kind: 'comment' | 'proposal',
			words: NonNullable<ReturnType<typeof selectionForComment>>,
			wordsBottom: () => number
		): void;
	};
}

export type PanelTab = 'comments' | 'proposals' | 'sources';
type Ranges = ReadonlyMap<string, { from: number; to: number }>;
const noRanges: Ranges = new Map();

/** Wide enough for the panel beside the text; narrower, forms open as a sheet over it. */
const besideTextQuery = '(min-width: 64rem)';

export class DocumentWorkspace {
	session = $state<CollabSession>();
	editor = $state<Editor>();
	feed = $state<CommentFeed>();
	/** Bumped on every editor transaction, so the toolbar and the lists show the current state. */
	revision = $state(0);
	/** Bearbeiten (the text changes) or Vorschlagen (what is typed becomes a proposal). */
	suggesting = $state(false);
	proposeFor = $state('');
	suggestionNotice = $state('');
	savingProposals = $state(0);
	activeProposal = $state<string | null>(null);
	activeThread = $state<string | null>(null);
	panelTab = $state<PanelTab>('comments');
	/** Beside the text on wide screens; on phones below it, opened on demand. */
	panelOpen = $state(true);
	readonly sourceLinks = new SourceLinks();
	readonly dialogs: WorkspaceDialogs = {};
	/** The loaded components of the dialogs that load on first use. */
	views = $state<{
		source?: Awaited<ReturnType<typeof loadSourceDialog>>['default'];
		sheet?: Awaited<ReturnType<typeof loadSelectionSheet>>['default'];
	}>({});

	readonly #currentProps: () => WorkspaceProps;
	readonly #besideText = new MediaQuery(besideTextQuery);
	#drafts: DraftSender | undefined;
	#stopReadingSelection: (() => void) | undefined;
	// What was last drawn into the editor: only real changes are dispatched, since a redraw in
	// the middle of a selection could cut it short.
	#shownProposals = '';
	#shownSourceCounts = '';
	#shownHighlights = '';

	readonly proposerName = $derived.by(
		() => this.#props.proposals.organisations.find((o) => o.id === this.proposeFor)?.name ?? ''
	);
	/** Where each thread's words are now; missing for detached threads. */
	readonly threadRanges: Ranges = $derived.by(() =>
		this.revision >= 0 && this.editor
			? (commentHighlights(this.editor.state)?.ranges ?? noRanges)
			: noRanges
	);
	/** Where each open proposal's words are now; missing when they changed meanwhile. */
	readonly proposalRanges: Ranges = $derived.by(() =>
		this.revision >= 0 && this.editor
			? (suggestionState(this.editor.state)?.ranges ?? noRanges)
			: noRanges
	);
	/** The words selected in the text right now, if any. */
	readonly selectedQuote = $derived.by(() => {
		if (this.revision < 0 || !this.editor) return null;
		const { from, to, empty } = this.editor.state.selection;
		return empty ? null : this.editor.state.doc.textBetween(from, to, ' ').trim() || null;
	});
	readonly canPropose = $derived.by(
		() => (this.feed?.canPropose ?? this.#props.proposals.canPropose) && !!this.proposeFor
	);
	readonly openCount = $derived.by(
		() => this.feed?.threads.filter((t) => t.state === 'open').length ?? 0
	);
	readonly openProposalCount = $derived.by(
		() => this.feed?.proposals.filter((p) => p.state === 'open').length ?? 0
	);
	/** Past its storage limit the document takes no changes: the text is only read. */
	readonly full = $derived.by(() => this.session?.connection === 'full');

	/** Must be made while the page's component is set up: it owns the effects. `props` reads the
	 * component's current props. */
	constructor(props: () => WorkspaceProps) {
		this.#currentProps = props;
		$effect(() => this.#drawProposals());
		$effect(() => this.#followCaretToProposal());
		$effect(() => this.#drawSourceCounts());
		$effect(() => this.#drawHighlights());
		$effect(() => this.#stopEditingWhenFull());
	}

	get #props() {
		return this.#currentProps();
	}

	// Open proposals, the mode and the active one go into the editor, which draws them.
	#drawProposals() {
		const drawn = (this.feed?.proposals ?? [])
			.filter((p) => p.state === 'open')
			.map((p) => ({
				id: p.id,
				anchorStart: p.anchorStart,
				anchorEnd: p.anchorEnd,
				quote: p.quote,
				text: p.text,
				organisation: p.organisationName ?? 'Organisation unbekannt',
				author: p.authorName ?? 'ehemaliges Mitglied'
			}));
		const { suggesting, activeProposal: activeId, editor } = this;
		const key = JSON.stringify([drawn, suggesting, activeId]);
		if (!editor || key === this.#shownProposals) return;
		this.#shownProposals = key;
		dispatchAfterPendingSelection(editor.view, (tr) =>
			setSuggestions(tr, { proposals: drawn, suggesting, activeId })
		);
	}

	// The caret on a proposal's words makes it the active one, so that its decision is one step
	// away in the list, with the keyboard as well.
	#followCaretToProposal() {
		const editor = this.editor;
		if (!editor || this.revision < 0) return;
		const { from, empty } = editor.state.selection;
		if (!empty) return;
		for (const [id, range] of this.proposalRanges) {
			if (from >= range.from && from <= range.to) {
				if (this.activeProposal !== id) this.activeProposal = id;
				return;
			}
		}
	}

	// How many sources each passage has goes into the editor, which draws "2 Quellen".
	#drawSourceCounts() {
		const counts = sourceCounts((this.feed?.sources ?? []).map((view) => view.blockId));
		const key = JSON.stringify([...counts]);
		if (!this.editor || key === this.#shownSourceCounts) return;
		this.#shownSourceCounts = key;
		dispatchAfterPendingSelection(this.editor.view, (tr) => setSourceCounts(tr, counts));
	}

	// The threads and the active one go into the editor, which draws their highlights.
	#drawHighlights() {
		const threads = (this.feed?.threads ?? []).map((thread) => ({
			id: thread.id,
			anchorStart: thread.anchorStart,
			anchorEnd: thread.anchorEnd,
			open: thread.state === 'open'
		}));
		const activeId = this.activeThread;
		const key = JSON.stringify([threads, activeId]);
		if (!this.editor || key === this.#shownHighlights) return;
		this.#shownHighlights = key;
		dispatchAfterPendingSelection(this.editor.view, (tr) =>
			setCommentHighlights(tr, { threads, activeId })
		);
	}

	#stopEditingWhenFull() {
		const editor = this.editor;
		if (!this.full || !editor?.isEditable) return;
		const { editorProps } = editor.options;
		editor.setEditable(false);
		editor.setOptions({
			editorProps: {
				...editorProps,
				attributes: { ...editorProps.attributes, 'aria-readonly': 'true' }
			}
		});
	}

	setMode(next: boolean) {
		if (next === this.suggesting) return;
		this.#drafts?.flush();
		this.suggesting = next;
		this.suggestionNotice = next
			? `Vorschlagsmodus: Was Sie jetzt schreiben oder löschen, wird als Vorschlag für ${this.proposerName} markiert. Der Text selbst ändert sich erst, wenn die Redaktion annimmt.`
			: '';
		if (next) this.panelTab = 'proposals';
		this.editor?.commands.focus();
	}

	/** A tap on a proposal puts the caret there (its popover opens); wide, the panel shows it too. */
	showProposal = async (id: string) => {
		this.activeProposal = id;
		const range = this.proposalRanges.get(id);
		if (this.editor && range) this.editor.chain().focus().setTextSelection(range.to).run();
		if (!this.#besideText.current) return;
		this.panelTab = 'proposals';
		this.panelOpen = true;
		await loadProposalPanel();
		await tick();
		document.getElementById(`vorschlag-${id}`)?.scrollIntoView({ block: 'nearest' });
	};

	jumpToProposal = (id: string) => {
		this.activeProposal = id;
		const range = this.proposalRanges.get(id);
		if (!this.editor || !range) return;
		this.editor.chain().focus().setTextSelection(range.to).scrollIntoView().run();
	};

	/** A card dropped on a passage: linked to it, said in the panel's status line. */
	#linkDropped(blockId: string, dragged: string) {
		const editor = this.editor;
		if (!editor || !(this.feed?.canLinkSources ?? this.#props.sources.canLink)) return;
		const source = JSON.parse(dragged) as SourceRef;
		if (source.kind !== 'card') return;
		const card = this.#props.sources.catalogue
			.flatMap((e) => e.groups.flatMap((g) => g.cards))
			.find((c) => c.cardId === source.cardId);
		const passage = passagesNow(editor.state.doc).find((p) => p.blockId === blockId);
		if (!card || !passage) return;
		const words = card.text.length > 60 ? `${card.text.slice(0, 59).trimEnd()}…` : card.text;
		this.sourceLinks.link(blockId, source, `Die Karte „${words}“`, passage.number);
	}

	showThread = async (id: string) => {
		this.activeThread = id;
		this.panelOpen = true;
		await tick();
		document.getElementById(`kommentar-${id}`)?.scrollIntoView({ block: 'nearest' });
	};

	jumpToWords = (id: string) => {
		this.activeThread = id;
		const range = this.threadRanges.get(id);
		if (!this.editor || !range) return;
		this.editor.chain().focus().setTextSelection(range).scrollIntoView().run();
	};

	/** On phones the panel opens below the text: bring it into view. */
	togglePanel = async () => {
		this.panelOpen = !this.panelOpen;
		if (!this.panelOpen || window.matchMedia(besideTextQuery).matches) return;
		await tick();
		document.getElementById('comment-panel')?.scrollIntoView({ block: 'start' });
	};

	/** The source dialog of a passage, opened from its mark in the margin. */
	async #openSources(blockId: string) {
		if (!this.views.source) {
			this.views.source = (await loadSourceDialog()).default;
			await tick();
		}
		this.dialogs.source?.open(blockId);
	}

	/** The selected words go into the sheet's form and stay marked while it is open. */
	openSheet = async (kind: 'comment' | 'proposal') => {
		if (!this.views.sheet) {
			this.views.sheet = (await loadSelectionSheet()).default;
			await tick();
		}
		const { editor } = this;
		const sheet = this.dialogs.sheet;
		if (!editor || !sheet) return;
		const words = selectionForComment(editor.state);
		if (!words) return;
		const { from, to } = editor.state.selection;
		// The menu gave its job to the sheet: it would sit over the text above it.
		dispatchAfterPendingSelection(editor.view, (tr) =>
			holdSelection(tr, { from, to }).setMeta(selectionMenuKey, 'hide')
		);
		const view = editor.view;
		sheet.open(kind, words, () => view.coordsAtPos(to).bottom);
	};

	releaseSelection = (saved: string | null) => {
		if (!this.editor) return;
		dispatchAfterPendingSelection(this.editor.view, (tr) => holdSelection(tr, null));
		if (saved) this.suggestionNotice = saved;
		this.editor.commands.focus();
	};

	commentOnSelection = () => {
		if (this.#besideText.current) this.#focusNewComment();
		else void this.openSheet('comment');
	};

	async #focusNewComment() {
		this.panelOpen = true;
		await tick();
		const field = document.getElementById('new-comment-body');
		field?.scrollIntoView({ block: 'nearest' });
		field?.focus();
	}

	/** The words selected now, with their anchors, for the comment form. */
	currentSelection = () => (this.editor ? selectionForComment(this.editor.state) : null);

	/** Connects to the document and its feed and puts the editor into `element`. */
	start(element: HTMLElement) {
		const props = this.#props;
		const { documentId, canWrite, comments, proposals, sources, user } = props;
		this.panelOpen = window.matchMedia(besideTextQuery).matches;
		const session = new CollabSession(documentId, props.databaseEpoch, user, props.onAccessChanged);
		this.session = session;
		this.feed = new CommentFeed(documentId, {
			threads: comments.threads,
			proposals: proposals.items,
			sources: sources.items,
			canComment: comments.canComment,
			canPropose: proposals.canPropose,
			canModerate: canWrite,
			canLinkSources: sources.canLink
		});
		this.proposeFor = proposals.organisations[0]?.id ?? '';
		this.#drafts = new DraftSender({
			organisationId: () => this.proposeFor,
			onId: (key, id) => {
				if (this.editor) {
					dispatchAfterPendingSelection(this.editor.view, (tr) =>
						setSuggestions(tr, { draftId: { key, id } })
					);
				}
				this.activeProposal = id;
			},
			onError: (message, key) => {
				this.suggestionNotice = message;
				const editor = this.editor;
				const draft = editor ? suggestionState(editor.state)?.draft : null;
				if (editor && draft?.key === key) {
					dispatchAfterPendingSelection(editor.view, (tr) => setSuggestions(tr, { draft: null }));
				}
			},
			onPendingChange: (pending) => (this.savingProposals = pending)
		});
		// Before the editor: its listeners must run before y-tiptap's (pending-selection.ts).
		this.#stopReadingSelection = readSelectionBeforeRemoteChanges(
			session.ydoc,
			session.provider.awareness,
			() => this.editor?.view
		);
		// Who may comment but not edit still gets a caret, to select words with the keyboard.
		const selectable = canWrite || comments.canComment || proposals.canPropose;
		this.editor = new Editor({
			element,
			editable: selectable,
			extensions: [
				...documentExtensions(),
				ReadCaretBeforeKeys,
				PassageNumbers,
				HeldSelection,
				ConsensusMargin.configure({ onOpen: (blockId) => this.dialogs.consensus?.open(blockId) }),
				SourceMargin.configure({
					onOpen: (blockId) => void this.#openSources(blockId),
					onDrop: (blockId, dragged) => this.#linkDropped(blockId, dragged)
				}),
				CommentHighlights.configure({ onActivate: this.showThread }),
				SuggestionMode.configure({
					onDraft: (draft: Draft | null, previous: Draft | null) => {
						this.suggestionNotice = '';
						this.#drafts?.update(draft, previous);
					},
					onActivate: this.showProposal,
					onRefuse: (message: string) => (this.suggestionNotice = message),
					proposer: () => ({ organisation: this.proposerName, author: user.name })
				}),
				...(canWrite ? [] : [ReadOnlyText]),
				Collaboration.configure({ document: session.ydoc, field: documentFragment }),
				othersCarets(session.provider, user)
			],
			editorProps: {
				attributes: {
					class: 'document-text',
					role: 'textbox',
					'aria-multiline': 'true',
					'aria-label': `Text von „${props.title}“`,
					...(canWrite ? {} : { 'aria-readonly': 'true' })
				},
				handleKeyDown: (_view, event) => {
					// Ctrl+Alt+M (as in other editors): comment on the selected words.
					if (!(event.ctrlKey || event.metaKey) || !event.altKey) return false;
					if (event.code !== 'KeyM' || !this.feed?.canComment) return false;
					event.preventDefault();
					this.commentOnSelection();
					return true;
				}
			},
			onTransaction: () => this.revision++
		});
	}

	destroy() {
		this.#stopReadingSelection?.();
		this.#drafts?.flush();
		this.feed?.destroy();
		this.editor?.destroy();
		this.session?.destroy();
	}
}
