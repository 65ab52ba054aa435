import { compileMail } from '../render';
import { layout } from './layout';
import './order-summary';
import { orderPlaced, type OrderPlacedData } from './order-placed';
import { paymentReceived, type PaymentReceivedData } from './payment-received';
import { paymentFailed, type PaymentFailedData } from './payment-failed';
import { orderStatusChanged, type OrderStatusChangedData } from './order-status-changed';
import { orderCancelled, type OrderCancelledData } from './order-cancelled';
import { plainMessage, type PlainMessageData } from './plain-message';
import { approvalRequested, type ApprovalRequestedData } from './approval-requested';
import { companyInvitation, type CompanyInvitationData } from './company-invitation';
import { joinRequestReceived, type JoinRequestReceivedData } from './join-request-received';
import { joinApproved, joinRefused, type JoinApprovedData, type JoinRefusedData } from './join-request-decided';
import { invoiceReminder, type InvoiceReminderData } from './invoice-reminder';
import { quoteRequested, quoteSent, type QuoteRequestedData, type QuoteSentData } from './quote';

export type { OrderMailData } from './order-summary';

/** Every email Ventalis composes, each from one template (subject, text, HTML) in the same frame. */
export const mails = {
  orderPlaced: compileMail<OrderPlacedData>(orderPlaced, layout),
  paymentReceived: compileMail<PaymentReceivedData>(paymentReceived, layout),
  paymentFailed: compileMail<PaymentFailedData>(paymentFailed, layout),
  orderStatusChanged: compileMail<OrderStatusChangedData>(orderStatusChanged, layout),
  orderCancelled: compileMail<OrderCancelledData>(orderCancelled, layout),
  plainMessage: compileMail<PlainMessageData>(plainMessage, layout),
  approvalRequested: compileMail<ApprovalRequestedData>(approvalRequested, layout),
  companyInvitation: compileMail<CompanyInvitationData>(companyInvitation, layout),
  joinRequestReceived: compileMail<JoinRequestReceivedData>(joinRequestReceived, layout),
  joinApproved: compileMail<JoinApprovedData>(joinApproved, layout),
  joinRefused: compileMail<JoinRefusedData>(joinRefused, layout),
  invoiceReminder: compileMail<InvoiceReminderData>(invoiceReminder, layout),
  quoteSent: compileMail<QuoteSentData>(quoteSent, layout),
  quoteRequested: compileMail<QuoteRequestedData>(quoteRequested, layout),
};
