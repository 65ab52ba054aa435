import { carbonStatement } from '#lib/server/carbon-statement.ts';
import type { RequestHandler } from './$types';

/** The carbon statement as a CSV (year=…). */
export const GET: RequestHandler = (event) => carbonStatement(event, 'csv');
