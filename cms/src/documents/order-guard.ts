import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Middleware } from './consultant-accounts';

/**
 * Orders change only through the lifecycle (which records who, when, from, to and the
 * client's comment): an edit in the panel cannot rewrite an order's status, lines,
 * totals or payment.
 */
const GUARDED = ['status', 'lines', 'totalExclVatCents', 'totalVatCents', 'totalInclVatCents', 'co2eGrams', 'vatRegime', 'customer', 'company', 'provider', 'paymentMethod', 'paymentStatus', 'paymentTerms', 'paymentDueAt', 'purchaseOrderNumber', 'approvalExpiresAt', 'approvalReason', 'paymentIntentId', 'stockReserved', 'refundedAt', 'idempotencyKey', 'reference', 'history', 'invoice'];

export const orderGuard = (_strapi: Core.Strapi): Middleware => async (context, next) => {
  if (context.uid !== 'api::order.order' || context.action !== 'update') return next();
  const data = (context.params as { data?: Record<string, unknown> }).data ?? {};
  const touched = GUARDED.filter((field) => field in data);
  if (touched.length > 0) {
    throw new errors.ValidationError(`${touched.join(', ')}: an order changes only through its lifecycle (the consultant workspace), so that every change is recorded`, { code: 'order.panel_edit_refused', params: { fields: touched.join(', ') } });
  }
  return next();
};
