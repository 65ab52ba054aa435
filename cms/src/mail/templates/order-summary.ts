import { registerMailPartial } from '../render';

/** What every order email knows about the order and the person it goes to. */
export interface OrderMailData {
  firstName: string;
  companyName: string;
  reference: string;
  orderUrl: string;
  lines: { productName: string; quantity: number; pricePer1000Cents: number; exclVatCents: number }[];
  totals: { exclVatCents: number; vatCents: number; inclVatCents: number };
  /** An order on invoice: the day its payment by bank transfer is due. */
  onInvoice: { dueDate: string } | null;
  /** Above the buyer's limit: until when the company's admins may approve it. */
  awaitingApproval: { until: string } | null;
  purchaseOrderNumber: string | null;
}

const cell = 'padding:6px 8px;border-bottom:1px solid #eef1ec';
const head = 'padding:6px 8px;border-bottom:1px solid #cfd8cc';
const summaryHtml = (words: { product: string; quantity: string; price: string; exclVat: string; totalExclVat: string; vat: string; inclVat: string }) => `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:16px 0">
<thead><tr>
<th align="left" style="${head}">${words.product}</th>
<th align="right" style="${head}">${words.quantity}</th>
<th align="right" style="${head}">${words.price}</th>
<th align="right" style="${head}">${words.exclVat}</th>
</tr></thead>
<tbody>
{{#each lines}}
<tr>
<td style="${cell}">{{productName}}</td>
<td align="right" style="${cell};white-space:nowrap">{{units quantity}}</td>
<td align="right" style="${cell};white-space:nowrap">{{euros pricePer1000Cents}}</td>
<td align="right" style="${cell};white-space:nowrap">{{euros exclVatCents}}</td>
</tr>
{{/each}}
</tbody>
<tfoot>
<tr><td colspan="3" align="right" style="padding:6px 8px">${words.totalExclVat}</td><td align="right" style="padding:6px 8px;white-space:nowrap">{{euros totals.exclVatCents}}</td></tr>
<tr><td colspan="3" align="right" style="padding:6px 8px">${words.vat}</td><td align="right" style="padding:6px 8px;white-space:nowrap">{{euros totals.vatCents}}</td></tr>
<tr><td colspan="3" align="right" style="padding:6px 8px;font-weight:bold">${words.inclVat}</td><td align="right" style="padding:6px 8px;font-weight:bold;white-space:nowrap">{{euros totals.inclVatCents}}</td></tr>
</tfoot>
</table>
`;

/** The order's lines and totals, as the storefront's order page shows them. */
registerMailPartial('orderSummary', {
  fr: {
    text: `{{#each lines}}
- {{productName}}\u00a0: {{units quantity}} à {{euros pricePer1000Cents}} les 1\u202f000 unités = {{euros exclVatCents}} HT
{{/each}}

Total HT\u00a0: {{euros totals.exclVatCents}}
TVA\u00a0: {{euros totals.vatCents}}
Total TTC\u00a0: {{euros totals.inclVatCents}}
`,
    html: summaryHtml({ product: 'Produit', quantity: 'Quantité', price: 'Prix les 1\u202f000', exclVat: 'HT', totalExclVat: 'Total HT', vat: 'TVA', inclVat: 'Total TTC' }),
  },
  en: {
    text: `{{#each lines}}
- {{productName}}: {{units quantity}} at {{euros pricePer1000Cents}} per 1,000 units = {{euros exclVatCents}} excl. VAT
{{/each}}

Total excl. VAT: {{euros totals.exclVatCents}}
VAT: {{euros totals.vatCents}}
Total incl. VAT: {{euros totals.inclVatCents}}
`,
    html: summaryHtml({ product: 'Product', quantity: 'Quantity', price: 'Price per 1,000', exclVat: 'Excl. VAT', totalExclVat: 'Total excl. VAT', vat: 'VAT', inclVat: 'Total incl. VAT' }),
  },
});

const button = (label: string, or: string) => `<p style="margin:24px 0"><a href="{{orderUrl}}" style="display:inline-block;padding:10px 18px;background:#2f6b3a;color:#ffffff;border-radius:6px;text-decoration:none;font-weight:bold">${label} {{reference}}</a></p>
<p style="font-size:13px;color:#5b6b5c">${or} {{orderUrl}}</p>
`;

/** The button to the order's page in the shop. */
registerMailPartial('orderLink', {
  fr: { text: 'Votre commande sur la boutique\u00a0: {{orderUrl}}\n', html: button('Voir la commande', 'Ou ouvrez') },
  en: { text: 'Your order in the shop: {{orderUrl}}\n', html: button('See order', 'Or open') },
});
