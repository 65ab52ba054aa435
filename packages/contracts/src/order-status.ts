/**
 * The order lifecycle without zod, so that browser code (status badges, the consultant's
 * status form) can use it without shipping the validation library.
 */
export const ORDER_STATUSES = ['awaiting_approval', 'awaiting_payment', 'paid', 'in_progress', 'shipped', 'delivered', 'cancelled', 'payment_failed'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** Orders whose money was taken: what a client's spend and footprint count. */
export const SPENT_STATUSES: OrderStatus[] = ['paid', 'in_progress', 'shipped', 'delivered'];
export const ONGOING_STATUSES: OrderStatus[] = ['awaiting_approval', 'awaiting_payment', 'paid', 'in_progress', 'shipped'];
export const COMPLETED_STATUSES: OrderStatus[] = ['delivered', 'cancelled', 'payment_failed'];

/** What a person reads for each status. */
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  awaiting_approval: 'Awaiting approval',
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


/** How long an order above a buyer's limit waits for an admin of the company, its stock set aside. */
export const APPROVAL_WORKING_DAYS = 3;

/** `days` working days (Monday to Friday) after `from`, at the same time of day (UTC). */
export function addWorkingDays(from: Date, days: number): Date {
  const at = new Date(from.getTime());
  let left = days;
  while (left > 0) {
    at.setUTCDate(at.getUTCDate() + 1);
    const day = at.getUTCDay();
    if (day !== 0 && day !== 6) left -= 1;
  }
  return at;
}
