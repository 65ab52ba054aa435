import { carbonStatement } from '#lib/server/carbon-statement.ts';
import type { RequestHandler } from './$types';

/** The carbon statement as a PDF (year=…). */
export const GET: RequestHandler = (event) => carbonStatement(event, 'pdf');
