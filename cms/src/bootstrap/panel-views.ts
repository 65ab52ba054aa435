import type { Core } from '@strapi/strapi';

interface View {
  uid: string;
  /** Columns of the list view. */
  list: string[];
  /** The field that names an entry where it appears in a relation. */
  mainField: string;
  /** Fields the system writes: shown but not editable. */
  readOnly: string[];
  defaultSortBy: string;
}

/**
 * How the administrator sees consultants (with their employee number and number of
 * clients) and clients (with their company and consultant) in the panel.
 */
const VIEWS: View[] = [
  {
    // Written by the jobs when background work fails for good: read, then deleted once handled.
    uid: 'api::job-failure.job-failure',
    list: ['lastFailedAt', 'job', 'about', 'occurrences', 'attempts'],
    mainField: 'about',
    readOnly: ['job', 'key', 'about', 'error', 'attempts', 'occurrences', 'lastFailedAt'],
    defaultSortBy: 'lastFailedAt',
  },
  {
    uid: 'api::consultant.consultant',
    list: ['lastName', 'firstName', 'email', 'employeeNumber', 'clientCount', 'blocked'],
    mainField: 'lastName',
    readOnly: ['employeeNumber', 'clientCount'],
    defaultSortBy: 'lastName',
  },
  {
    uid: 'plugin::users-permissions.user',
    list: ['email', 'company', 'companyRole', 'lastName', 'consultant', 'role', 'confirmed', 'blocked'],
    mainField: 'email',
    // The consultant is the company's (reassign the company); members change through the company's admins.
    readOnly: ['consultant', 'company', 'companyRole', 'joinRequest'],
    defaultSortBy: 'email',
  },
  {
    uid: 'api::company.company',
    list: ['legalName', 'siret', 'vatNumber', 'consultant', 'paymentTerms'],
    mainField: 'legalName',
    readOnly: ['members', 'orders'],
    defaultSortBy: 'legalName',
  },
  {
    // Agreements are set by consultants in their workspace, where overlaps are refused: the panel reads them.
    uid: 'api::company.price-agreement',
    list: ['company', 'kind', 'category', 'product', 'discountBasisPoints', 'netPriceCents', 'startsOn', 'endsOn', 'consultant'],
    mainField: 'kind',
    readOnly: ['company', 'kind', 'category', 'product', 'discountBasisPoints', 'netPriceCents', 'startsOn', 'endsOn', 'consultant'],
    defaultSortBy: 'startsOn',
  },
  {
    uid: 'api::order.order',
    list: ['reference', 'placedAt', 'customer', 'status', 'totalInclVatCents'],
    mainField: 'reference',
    readOnly: ['reference', 'customer', 'company', 'status', 'paymentMethod', 'paymentStatus', 'paymentTerms', 'paymentDueAt', 'purchaseOrderNumber', 'approvalExpiresAt', 'approvalReason', 'lines', 'vatRegime', 'totalExclVatCents', 'totalVatCents', 'totalInclVatCents', 'co2eGrams', 'placedAt', 'provider', 'paymentIntentId', 'paymentExpiresAt', 'stockReserved', 'refundedAt', 'history', 'invoice'],
    defaultSortBy: 'placedAt',
  },
  {
    // Issued by the system, never edited: the list shows who owes what, and a PDF that could not be made.
    uid: 'api::document.invoice',
    list: ['number', 'issueDate', 'company', 'consultant', 'totalInclVatCents', 'paidCents', 'dueDate', 'paymentStatus', 'overdue', 'pdfStatus'],
    mainField: 'number',
    readOnly: ['number', 'year', 'sequence', 'order', 'company', 'customer', 'consultant', 'issuedAt', 'issueDate', 'dueDate', 'paymentMethod', 'totalExclVatCents', 'totalVatCents', 'totalInclVatCents', 'paidCents', 'paymentStatus', 'snapshot', 'pdfStatus', 'pdfAttempts', 'pdfError', 'paidOn', 'overdue', 'remindersSent', 'transfers', 'creditedCents', 'creditNotes'],
    defaultSortBy: 'issuedAt',
  },
  {
    uid: 'api::document.credit-note',
    list: ['number', 'issueDate', 'invoice', 'company', 'consultant', 'totalInclVatCents', 'reason', 'issuedByName', 'pdfStatus'],
    mainField: 'number',
    readOnly: ['number', 'year', 'sequence', 'invoice', 'company', 'customer', 'consultant', 'issuedAt', 'issueDate', 'reason', 'totalExclVatCents', 'totalVatCents', 'totalInclVatCents', 'refundedCents', 'issuedByRole', 'issuedByName', 'snapshot', 'pdfStatus', 'pdfAttempts', 'pdfError'],
    defaultSortBy: 'issuedAt',
  },
  {
    // An administrator records a transfer received here; once recorded it is only read.
    uid: 'api::document.transfer',
    list: ['receivedOn', 'invoice', 'amountCents', 'bankReference', 'recordedByRole', 'recordedByName'],
    mainField: 'bankReference',
    readOnly: ['recordedByRole', 'recordedByName'],
    defaultSortBy: 'receivedOn',
  },
  {
    // Written in the consultants' workspace and answered on the storefront: the panel lists them, filtered by company, consultant or status.
    uid: 'api::quote.quote',
    list: ['number', 'requestedAt', 'company', 'customer', 'consultant', 'status', 'validUntil', 'totalExclVatCents', 'order'],
    mainField: 'number',
    readOnly: ['number', 'status', 'company', 'customer', 'consultant', 'requestedAt', 'sentAt', 'validUntil', 'message', 'comment', 'vatRegime', 'lines', 'totalExclVatCents', 'totalVatCents', 'totalInclVatCents', 'co2eGrams', 'order', 'history'],
    defaultSortBy: 'requestedAt',
  },
  {
    uid: 'api::inquiry.inquiry',
    list: ['createdAt', 'company', 'email', 'subject', 'handled'],
    mainField: 'subject',
    readOnly: [],
    defaultSortBy: 'createdAt',
  },
];

export async function configurePanelViews(strapi: Core.Strapi) {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const view of VIEWS) {
    const contentType = contentTypes.findContentType(view.uid);
    const { uid: _uid, ...configuration } = await contentTypes.findConfiguration(contentType);
    configuration.layouts.list = view.list;
    configuration.settings = { ...configuration.settings, mainField: view.mainField, defaultSortBy: view.defaultSortBy, defaultSortOrder: ['createdAt', 'placedAt', 'startsOn', 'requestedAt', 'issuedAt', 'lastFailedAt'].includes(view.defaultSortBy) ? 'DESC' : 'ASC' };
    for (const field of view.readOnly) {
      configuration.metadatas[field].edit = { ...configuration.metadatas[field].edit, editable: false };
    }
    await contentTypes.updateConfiguration(contentType, configuration);
  }
}
