import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';

/** Waits for a mail to this address in the cms' outbox (real SMTP into .eml files) and returns its text. */
export async function mailTo(email: string, subject: RegExp, timeoutMs = 15_000): Promise<string> {
  const dir = process.env.E2E_OUTBOX_DIR;
  if (!dir) throw new Error('E2E_OUTBOX_DIR is not set: the global setup did not run');
  const seen = new Set<string>();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const file of (await readdir(dir).catch(() => [])).sort().reverse()) {
      // Only whole mails: the outbox renames each to .eml once written.
      if (!file.endsWith('.eml') || seen.has(file)) continue;
      seen.add(file);
      const mail = await simpleParser(await readFile(path.join(dir, file)));
      const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => String(v.address).toLowerCase()));
      if (to.includes(email.toLowerCase()) && subject.test(mail.subject ?? '')) return `${mail.text ?? ''}\n${typeof mail.html === 'string' ? mail.html : ''}`;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No mail "${subject}" to ${email} within ${timeoutMs} ms`);
}
