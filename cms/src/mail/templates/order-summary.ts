import { registerMailPartial } from '../render';

/** What every order email knows about the order and the person it goes to. */
export interface OrderMailData {
  firstName: string;
  companyName: string;
  reference: string;
  orderUrl: string;
  lines: { productName: string; quantity: number; pricePer1000Cents: number; exclVatCents: number }[];
  totals: { exclVatCents: number; vatCents: number; inclVatCents: number };
}

/** The order's lines and totals, as the storefront's order page shows them. */
registerMailPartial('orderSummary', {
  text: `{{#each lines}}
- {{productName}}: {{units quantity}} at {{euros pricePer1000Cents}} per 1,000 units = {{euros exclVatCents}} excl. VAT
{{/each}}

Total excl. VAT: {{euros totals.exclVatCents}}
VAT: {{euros totals.vatCents}}
Total incl. VAT: {{euros totals.inclVatCents}}
`,
  html: `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:16px 0">
<thead><tr>
<th align="left" style="padding:6px 8px;border-bottom:1px solid #cfd8cc">Product</th>
<th align="right" style="padding:6px 8px;border-bottom:1px solid #cfd8cc">Quantity</th>
<th align="right" style="padding:6px 8px;border-bottom:1px solid #cfd8cc">Price per 1,000</th>
<th align="right" style="padding:6px 8px;border-bottom:1px solid #cfd8cc">Excl. VAT</th>
</tr></thead>
<tbody>
{{#each lines}}
<tr>
<td style="padding:6px 8px;border-bottom:1px solid #eef1ec">{{productName}}</td>
<td align="right" style="padding:6px 8px;border-bottom:1px solid #eef1ec;white-space:nowrap">{{units quantity}}</td>
<td align="right" style="padding:6px 8px;border-bottom:1px solid #eef1ec;white-space:nowrap">{{euros pricePer1000Cents}}</td>
<td align="right" style="padding:6px 8px;border-bottom:1px solid #eef1ec;white-space:nowrap">{{euros exclVatCents}}</td>
</tr>
{{/each}}
</tbody>
<tfoot>
<tr><td colspan="3" align="right" style="padding:6px 8px">Total excl. VAT</td><td align="right" style="padding:6px 8px;white-space:nowrap">{{euros totals.exclVatCents}}</td></tr>
<tr><td colspan="3" align="right" style="padding:6px 8px">VAT</td><td align="right" style="padding:6px 8px;white-space:nowrap">{{euros totals.vatCents}}</td></tr>
<tr><td colspan="3" align="right" style="padding:6px 8px;font-weight:bold">Total incl. VAT</td><td align="right" style="padding:6px 8px;font-weight:bold;white-space:nowrap">{{euros totals.inclVatCents}}</td></tr>
</tfoot>
</table>
`,
});

/** The button to the order's page in the shop. */
registerMailPartial('orderLink', {
  text: `Your order in the shop: {{orderUrl}}
`,
  html: `<p style="margin:24px 0"><a href="{{orderUrl}}" style="display:inline-block;padding:10px 18px;background:#2f6b3a;color:#ffffff;border-radius:6px;text-decoration:none;font-weight:bold">See order {{reference}}</a></p>
<p style="font-size:13px;color:#5b6b5c">Or open {{orderUrl}}</p>
`,
});
