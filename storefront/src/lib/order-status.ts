/** What a person reads for each order status, in the page's language. */
import type { OrderStatus } from '@ventalis/contracts/order-status';
import { m } from './paraglide/messages.js';

const NAMES: Record<OrderStatus, () => string> = {
  awaiting_approval: m.order_status_awaiting_approval,
  awaiting_payment: m.order_status_awaiting_payment,
  paid: m.order_status_paid,
  in_progress: m.order_status_in_progress,
  shipped: m.order_status_shipped,
  delivered: m.order_status_delivered,
  cancelled: m.order_status_cancelled,
  payment_failed: m.order_status_payment_failed,
};

export function statusName(status: OrderStatus): string {
  return NAMES[status]();
}
