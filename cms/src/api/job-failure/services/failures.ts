import type { Core } from '@strapi/strapi';
import type { JobFailure } from '../../../jobs/jobs';

const FAILURE = 'api::job-failure.job-failure';

/**
 * What administrators see of background work that failed (panel: Failed job). A job failing
 * again under the same key (a minute job) adds to its entry instead of writing a new one.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async record({ job, key, about, error, attempts }: JobFailure): Promise<void> {
    const lastFailedAt = new Date();
    const known = await strapi.db.query(FAILURE).findOne({ where: { job, key }, select: ['id', 'occurrences'] });
    if (known) {
      await strapi.db.query(FAILURE).update({ where: { id: known.id }, data: { about, error, attempts, occurrences: (known.occurrences ?? 1) + 1, lastFailedAt } });
      return;
    }
    await strapi.documents(FAILURE).create({ data: { job, key, about, error, attempts, occurrences: 1, lastFailedAt } } as never);
  },
});
