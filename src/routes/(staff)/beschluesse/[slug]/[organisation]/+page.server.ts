import { fail } from '@sveltejs/kit';
import { plannableStages, planLabels, recordableStages, stageLabels } from '$lib/adoption';
import { userNames } from '$lib/server/accounts/members';
import { bodyForPage } from '$lib/server/http/resource-guards';
import { berlinToday, formatCalendarDate } from '$lib/server/adoption/calendar';
import { dashboard } from '$lib/server/adoption/dashboard';
import { PlanForm, StepForm } from '$lib/server/adoption/forms';
import { adoptionOverview } from '$lib/server/adoption/overview';
import { planHistory, planStep } from '$lib/server/adoption/plans';
import { checkResolutionUpload, resolutionMaxBytes } from '$lib/server/adoption/resolution-files';
import { listSteps, recordStep, stepHistory, type StepView } from '$lib/server/adoption/steps';
import { shortHash } from '$lib/server/documents/content-hash';
import { listVersions } from '$lib/server/documents/versions';
import { formFields, parseForm } from '$lib/server/http/forms';
import { signedInUser } from '$lib/server/http/guard';
import { ConfirmForm, DismissForm, LinkForm } from '$lib/server/oparl/forms';
import {
	confirmProposal,
	dismissProposal,
	findConnection,
	listNews,
	listPapers,
	listProposals
} from '$lib/server/oparl/store';
import { linkPaperFromSystem, syncOrganisation } from '$lib/server/oparl/sync';
import { can } from '$lib/server/policy';
import type { AppDatabase } from '$lib/server/db/database';

function describeState(step: StepView | null): string {
	return step
		? `${stageLabels[step.stage]}, Fassung ${step.versionNumber}`
		: stageLabels['nicht-begonnen'];
}

export function load(event) {
	const { db } = event.locals.services;
	const { document, body, resource } = bodyForPage(db, event);
	const steps = listSteps(db, document.id, body.id);
	const planChanges = planHistory(db, document.id, body.id);
	const names = userNames(
		db,
		[...steps, ...planChanges].map((s) => s.recordedBy).filter((id): id is string => id !== null)
	);
	const who = (userId: string | null) =>
		userId ? (names.get(userId) ?? 'unbekannt') : 'gelöschtes Konto';
	const planDate = (date: string | null) => (date ? formatCalendarDate(date) : 'kein Termin');
	const row = dashboard(adoptionOverview(db, document.id)).rows.find((r) => r.slug === body.slug);
	return {
		document: { slug: document.slug, title: document.title },
		body: { slug: body.slug, name: body.name, kind: body.kind },
		row: row!,
		history: stepHistory(steps)
			.map(({ step, before }) => ({
				id: step.id,
				recordedAt: step.recordedAt,
				recordedBy: who(step.recordedBy),
				before: describeState(before),
				after: describeState(step),
				version: { number: step.versionNumber, shortHash: shortHash(step.contentHash) },
				decidedOn: step.decidedOn,
				decidedOnLabel: formatCalendarDate(step.decidedOn),
				bodyName: step.bodyName,
				paperNumber: step.paperNumber,
				paperUrl: step.paperUrl,
				note: step.note,
				hasResolution: step.hasResolution,
				correctsStepId: step.correctsStepId
			}))
			.reverse(),
		planChanges: planChanges
			.map((change) => ({
				id: change.id,
				label: planLabels[change.stage as keyof typeof planLabels] ?? stageLabels[change.stage],
				before: planDate(change.before),
				after: planDate(change.after),
				bodyName: change.bodyName,
				recordedBy: who(change.recordedBy),
				recordedAt: change.recordedAt
			}))
			.reverse(),
		versions: listVersions(db, document.id).map((v) => ({
			id: v.id,
			number: v.number,
			name: v.name,
			shortHash: shortHash(v.contentHash)
		})),
		stages: recordableStages.map((value) => ({ value, label: stageLabels[value] })),
		planStages: plannableStages.map((value) => ({ value, label: planLabels[value] })),
		today: berlinToday(),
		maxMegabytes: resolutionMaxBytes / 1024 / 1024,
		canRecord: can(event.locals.actor, 'adoption:record', resource),
		oparl: oparlView(db, document.id, body.id),
		canFollowOparl: can(event.locals.actor, 'oparl:follow', resource),
		canConnectOparl: can(event.locals.actor, 'oparl:configure', resource)
	};
}

/** The council information system's side of the page: papers, proposals, news, last sync. */
function oparlView(db: AppDatabase, documentId: string, organisationId: string) {
	const connection = findConnection(db, organisationId);
	if (!connection) return null;
	const versionNumbers = new Map(listVersions(db, documentId).map((v) => [v.id, v.number]));
	return {
		bodyName: connection.bodyName,
		lastSyncAt: connection.lastSyncAt,
		lastError: connection.lastError,
		lastErrorAt: connection.lastErrorAt,
		papers: listPapers(db, { organisationId, documentId }).map((paper) => ({
			id: paper.id,
			reference: paper.reference,
			name: paper.name,
			url: paper.webUrl ?? paper.paperUrl,
			versionNumber: versionNumbers.get(paper.versionId) ?? null
		})),
		proposals: listProposals(db, documentId, organisationId).map((proposal) => ({
			...proposal,
			label:
				proposal.kind === 'plan'
					? `Termin: ${planLabels[proposal.stage as keyof typeof planLabels] ?? stageLabels[proposal.stage]}`
					: stageLabels[proposal.stage],
			dateLabel: formatCalendarDate(proposal.date)
		})),
		news: listNews(db, documentId, organisationId)
	};
}

export const actions = {
	async record(event) {
		const { config, db } = event.locals.services;
		const { document, body } = bodyForPage(db, event, 'adoption:record');
		const data = await event.request.formData();
		const values = formFields(data);
		const form = parseForm(StepForm, data);
		if (!form.ok) return fail(400, { step: { message: form.message, values } });
		const file = data.get('resolution');
		const upload = await checkResolutionUpload(file instanceof File ? file : null);
		if (!upload.ok) return fail(400, { step: { message: upload.message, values } });
		const result = recordStep(db, config.dataDir, {
			...form.value,
			documentId: document.id,
			organisationId: body.id,
			userId: signedInUser(event).id,
			resolution: upload.upload
		});
		if (!result.ok) return fail(400, { step: { message: result.message, values } });
		return { step: { success: 'Der Schritt ist erfasst.' } };
	},
	async plan(event) {
		const { db } = event.locals.services;
		const { document, body } = bodyForPage(db, event, 'adoption:record');
		const data = await event.request.formData();
		const values = formFields(data);
		const form = parseForm(PlanForm, data);
		if (!form.ok) return fail(400, { plan: { message: form.message, values } });
		const result = planStep(db, {
			...form.value,
			documentId: document.id,
			organisationId: body.id,
			userId: signedInUser(event).id
		});
		if (!result.ok) return fail(400, { plan: { message: result.message, values } });
		return {
			plan: {
				success: form.value.plannedOn ? 'Der Termin ist eingetragen.' : 'Der Termin ist gestrichen.'
			}
		};
	},
	async link(event) {
		const { config, db } = event.locals.services;
		const { document, body } = bodyForPage(db, event, 'oparl:follow');
		const data = await event.request.formData();
		const values = formFields(data);
		const form = parseForm(LinkForm, data);
		if (!form.ok) return fail(400, { oparl: { message: form.message, values } });
		const result = await linkPaperFromSystem(db, config.oparl, {
			...form.value,
			documentId: document.id,
			organisationId: body.id,
			userId: signedInUser(event).id
		});
		if (!result.ok) return fail(400, { oparl: { message: result.message, values } });
		return { oparl: { success: 'Die Drucksache ist verknüpft. Bitte prüfen Sie die Vorschläge.' } };
	},
	async confirm(event) {
		const { config, db } = event.locals.services;
		const { document, body } = bodyForPage(db, event, 'oparl:follow');
		const data = await event.request.formData();
		const values = formFields(data);
		const form = parseForm(ConfirmForm, data);
		if (!form.ok) return fail(400, { oparl: { message: form.message, values } });
		const result = confirmProposal(db, config.dataDir, {
			...form.value,
			documentId: document.id,
			organisationId: body.id,
			userId: signedInUser(event).id
		});
		if (!result.ok) return fail(400, { oparl: { message: result.message, values } });
		return { oparl: { success: result.message } };
	},
	async dismiss(event) {
		const { db } = event.locals.services;
		const { document, body } = bodyForPage(db, event, 'oparl:follow');
		const form = parseForm(DismissForm, await event.request.formData());
		if (!form.ok) return fail(400, { oparl: { message: form.message } });
		const result = dismissProposal(db, {
			...form.value,
			documentId: document.id,
			organisationId: body.id,
			userId: signedInUser(event).id
		});
		if (!result.ok) return fail(400, { oparl: { message: result.message } });
		return { oparl: { success: result.message } };
	},
	async sync(event) {
		const { config, db } = event.locals.services;
		const { body } = bodyForPage(db, event, 'oparl:follow');
		const result = await syncOrganisation(db, config.oparl, body.id);
		if (!result.ok) return fail(400, { oparl: { message: result.message } });
		return {
			oparl: {
				success:
					result.added === 0
						? 'Abgeglichen: nichts Neues.'
						: `Abgeglichen: ${result.added} ${result.added === 1 ? 'Neuigkeit' : 'Neuigkeiten'}.`
			}
		};
	}
};
