/**
 * The order lifecycle without zod, so that browser code (status badges, the consultant's
 * status form) can use it without shipping the validation library.
 */
export const ORDER_STATUSES = ['awaiting_payment', 'paid', 'in_progress', 'shipped', 'delivered', 'cancelled', 'payment_failed'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** Orders whose money was taken: what a client's spend and footprint count. */
export const SPENT_STATUSES: OrderStatus[] = ['paid', 'in_progress', 'shipped', 'delivered'];
export const ONGOING_STATUSES: OrderStatus[] = ['awaiting_payment', 'paid', 'in_progress', 'shipped'];
export const COMPLETED_STATUSES: OrderStatus[] = ['delivered', 'cancelled', 'payment_failed'];

/** What a person reads for each status. */
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  awaiting_payment: 'Awaiting payment',
  paid: 'Paid',
  in_progress: 'In progress',
  shipped: 'Shipped',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
  payment_failed: 'Payment failed',
};

/** Changes a consultant may make, each with a comment the client reads. */
export const CONSULTANT_TRANSITIONS: Partial<Record<OrderStatus, OrderStatus[]>> = {
  paid: ['in_progress', 'cancelled'],
  in_progress: ['shipped', 'cancelled'],
  shipped: ['delivered'],
};

export function consultantMayMove(from: OrderStatus, to: OrderStatus): boolean {
  return CONSULTANT_TRANSITIONS[from]?.includes(to) ?? false;
}

