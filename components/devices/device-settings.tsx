import { Fragment } from "react";
import { useTranslations } from "next-intl";

type Settings = {
  email: string;
  username: string;
  incoming: { protocol: "imap" | "pop3"; host: string; securePort: number; insecurePort: number | null };
  smtp: { host: string; securePort: number; insecurePort: number | null };
};

type Props = {
  settings: Settings;
  /** The settings as plain text, which the QR code holds. */
  text: string;
  /** SVG markup of the QR code (generated on the server from `text`). */
  qrSvg: string;
  /** The .mobileconfig download. */
  profileHref: string;
};

const cell = "border-b border-slate-200 px-2 py-1.5 text-left align-top";

/**
 * A host name or address that may wrap only after its dots and its @ ("mail.example.↵com"), never mid-word as
 * `break-all` did ("mail.e xampl e.com"); a label longer than the line scrolls inside the table, not the page.
 */
function BreakAtDots({ text }: { text: string }) {
  return text.split(/(?<=[.@])/).map((part, i) => (
    <Fragment key={i}>
      {i > 0 ? <wbr /> : null}
      {part}
    </Fragment>
  ));
}

/** How to add the mailbox to a mail app: the settings, a QR code of them and an Apple profile. Server component. */
export function DeviceSettings({ settings, text, qrSvg, profileHref }: Props) {
  const t = useTranslations("Devices");
  const incoming = settings.incoming.protocol === "imap" ? "IMAP" : "POP3";
  const rows: [string, string, string, string][] = [
    [t("incoming", { protocol: incoming }), settings.incoming.host, String(settings.incoming.securePort), t("ssl")],
    [t("outgoing"), settings.smtp.host, String(settings.smtp.securePort), t("sslWithAuthentication")],
  ];
  return (
    <div className="mt-2 space-y-4 text-sm">
      <p>
        {t.rich("intro", {
          username: settings.username,
          // The name as data, so it can wrap after its dots (BreakAtDots) rather than as the message's plain text.
          user: () => (
            <span className="font-mono wrap-anywhere">
              <BreakAtDots text={settings.username} />
            </span>
          ),
        })}
      </p>
      <div className="overflow-x-auto">
        <table className="min-w-full border-collapse">
          <caption className="sr-only">{t("caption", { email: settings.email })}</caption>
          <thead>
            <tr>
              <th scope="col" className={`${cell} font-semibold`}>
                {t("columns.server")}
              </th>
              <th scope="col" className={`${cell} font-semibold`}>
                {t("columns.host")}
              </th>
              <th scope="col" className={`${cell} font-semibold`}>
                {t("columns.port")}
              </th>
              <th scope="col" className={`${cell} font-semibold`}>
                {t("columns.security")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([name, host, port, security]) => (
              <tr key={name}>
                <th scope="row" className={`${cell} font-medium`}>
                  {name}
                </th>
                <td className={`${cell} font-mono break-normal`}>
                  <BreakAtDots text={host} />
                </td>
                <td className={`${cell} font-mono`}>{port}</td>
                <td className={cell}>{security}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-start gap-6">
        <figure className="w-40">
          <div
            className="h-40 w-40 border border-slate-200 bg-white [&>svg]:h-full [&>svg]:w-full"
            dangerouslySetInnerHTML={{ __html: qrSvg }}
            role="img"
            aria-label={t("qrLabel", { text })}
          />
          <figcaption className="mt-1 text-xs text-slate-700">{t("qrCaption")}</figcaption>
        </figure>
        <div className="max-w-md space-y-2">
          <h3 className="font-semibold">{t("apple.heading")}</h3>
          <p>{t("apple.intro")}</p>
          <a
            href={profileHref}
            download
            className="inline-block rounded-md bg-blue-700 px-3 py-1.5 font-semibold text-white hover:bg-blue-800 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
          >
            {t("apple.download")}
          </a>
        </div>
      </div>
    </div>
  );
}
