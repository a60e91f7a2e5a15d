// The panel's look for mail: one column, the panel's name as a header, neutral greys and one blue accent. Inline
// styles only (mail clients drop <style>); every value is escaped.

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export type MailBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "facts"; rows: { label: string; value: string }[] }
  | { kind: "warning"; text: string }
  | { kind: "button"; label: string; url: string };

/** A time as the recipient's language writes it, in UTC and saying so (English keeps the mails' long-standing form). */
export function formatMailTime(at: string | number, locale: string): string {
  const date = new Date(at);
  if (locale === "en") return date.toUTCString().replace("GMT", "UTC");
  return `${new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "medium", timeZone: "UTC" }).format(date)} UTC`;
}

/** One mail in the panel's look, as plain text and HTML from the same blocks; `note` labels a warning (English "Note:"). */
export function layoutMail(input: { lang?: string; title: string; greeting: string; blocks: MailBlock[]; footer: string; note?: string }): {
  text: string;
  html: string;
} {
  const textParts = [input.greeting, ""];
  const htmlParts: string[] = [];
  for (const block of input.blocks) {
    switch (block.kind) {
      case "paragraph":
        textParts.push(block.text, "");
        htmlParts.push(`<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(block.text)}</p>`);
        break;
      case "warning":
        textParts.push(`! ${block.text}`, "");
        htmlParts.push(
          `<p style="margin:0 0 16px;padding:12px 16px;border-left:4px solid #b45309;background:#fffbeb;color:#78350f;line-height:1.5"><strong>${escapeHtml(input.note ?? "Note:")}</strong> ${escapeHtml(block.text)}</p>`,
        );
        break;
      case "facts": {
        const width = Math.max(...block.rows.map((r) => r.label.length)) + 2;
        textParts.push(...block.rows.map((r) => `${`${r.label}:`.padEnd(width)}${r.value}`), "");
        htmlParts.push(
          `<table role="presentation" style="margin:0 0 16px;border-collapse:collapse">${block.rows
            .map(
              (r) =>
                `<tr><th scope="row" style="text-align:left;padding:4px 16px 4px 0;color:#52525b;font-weight:600;vertical-align:top">${escapeHtml(r.label)}</th><td style="padding:4px 0">${escapeHtml(r.value)}</td></tr>`,
            )
            .join("")}</table>`,
        );
        break;
      }
      case "button":
        textParts.push(`${block.label}: ${block.url}`, "");
        htmlParts.push(
          `<p style="margin:0 0 16px"><a href="${escapeHtml(block.url)}" style="display:inline-block;padding:10px 16px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">${escapeHtml(block.label)}</a></p>`,
        );
        break;
    }
  }
  textParts.push("--", input.footer);
  const html = `<!doctype html>
<html lang="${escapeHtml(input.lang ?? "en")}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(input.title)}</title></head>
<body style="margin:0;padding:24px;background:#f4f4f5;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#18181b;font-size:15px">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e4e4e7;border-radius:8px;overflow:hidden">
<div style="padding:16px 24px;border-bottom:1px solid #e4e4e7;font-weight:700;font-size:16px">Mailroom</div>
<div style="padding:24px">
<h1 style="margin:0 0 16px;font-size:20px">${escapeHtml(input.title)}</h1>
<p style="margin:0 0 16px">${escapeHtml(input.greeting)}</p>
${htmlParts.join("\n")}
</div>
<div style="padding:16px 24px;border-top:1px solid #e4e4e7;color:#71717a;font-size:13px">${escapeHtml(input.footer)}</div>
</div>
</body></html>
`;
  return { text: textParts.join("\n"), html };
}
