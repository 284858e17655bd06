import type { Seed } from '../db/seeds';
import { organisation } from '../db/schema';
import { loadWorkspaceSeed, type WorkspaceSeed } from './workspace-seed';

export function organisationsSeed(workspace: WorkspaceSeed = loadWorkspaceSeed()): Seed {
	return {
		name: 'organisations',
		run(db) {
			workspace.organisations.forEach((org, index) => {
				db.insert(organisation)
					.values({
						id: crypto.randomUUID(),
						slug: org.slug,
						name: org.name,
						shortName: org.shortName,
						kind: org.kind,
						ags: org.ags ?? null,
						adopting: org.adopting,
						sortOrder: index
					})
					.onConflictDoNothing({ target: organisation.slug })
					.run();
			});
		}
	};
}
