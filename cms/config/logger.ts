import { winston } from '@strapi/logger';
import { jsonLogs, logFormat } from '../src/observability/log-format';

/**
 * Strapi's logger, writing as src/observability/log-format.ts says; LOG_LEVEL: http by default
 * (one line per request). A function, so that the settings are read when the cms loads.
 */
export default () => ({
  level: process.env.LOG_LEVEL || 'http',
  format: logFormat(jsonLogs(process.env)),
  transports: [new winston.transports.Console()],
});
