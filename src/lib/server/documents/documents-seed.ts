// The two texts of the programme, seeded once on the server as Yjs state built with the editor's
// schema. (Content seeded by a browser would be inserted again by every browser.)
import { documentUpdate } from '../db/schema';
import type { Seed } from '../db/seeds';
import { yjsUpdateFromJSON } from './document-state';
import { createDocument } from './documents';
import { markdownToDocument } from './markdown';
import { leitbildText } from './seed/leitbild';
import { selbstverpflichtungText } from './seed/selbstverpflichtung';

export const seededDocuments = [
	{
		title: 'Leitbild „Chancengerechtigkeit und Armutsfolgenbekämpfung im Kreis Unna“',
		kind: 'leitbild' as const,
		slug: 'leitbild',
		markdown: leitbildText
	},
	{
		title: 'Gemeinsame Erklärung zur Armutsfolgenbekämpfung (Selbstverpflichtung)',
		kind: 'selbstverpflichtung' as const,
		slug: 'selbstverpflichtung',
		markdown: selbstverpflichtungText
	}
];

export function documentsSeed(): Seed {
	return {
		name: 'documents',
		run(db) {
			for (const seed of seededDocuments) {
				const row = createDocument(db, {
					title: seed.title,
					kind: seed.kind,
					slug: seed.slug,
					createdBy: null
				});
				const update = yjsUpdateFromJSON(markdownToDocument(seed.markdown));
				db.insert(documentUpdate)
					.values({ documentId: row.id, update: Buffer.from(update) })
					.run();
			}
		}
	};
}
