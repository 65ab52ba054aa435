import type { MailLayout } from '../render';

/** The frame of every Ventalis email: inline styles, since mail clients ignore style sheets. */
export const layout: MailLayout = {
  html: `<!doctype html>
<html lang="{{lang}}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{subject}}</title></head>
<body style="margin:0;padding:0;background:#f3f5f0;color:#1e2a1f;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f5f0"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:640px;background:#ffffff;border-radius:8px">
<tr><td style="padding:18px 28px;border-bottom:3px solid #2f6b3a;font-size:20px;font-weight:bold;color:#2f6b3a">Ventalis</td></tr>
<tr><td style="padding:24px 28px">{{body}}</td></tr>
</table>
</td></tr></table>
</body>
</html>
`,
};
