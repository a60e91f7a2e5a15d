import { useTranslations } from "next-intl";
import { FieldError } from "./field-error";
import { hintClass } from "./styles";

/**
 * Staff writes need a reason for the audit log (DESIGN §2); customers never see this field. Its words are the
 * ReasonField messages: a client form that renders it needs that namespace in its IntlProvider.
 */
export function ReasonField({ idPrefix, messages, defaultValue }: { idPrefix: string; messages?: string[]; defaultValue?: string }) {
  const t = useTranslations("ReasonField");
  const id = `${idPrefix}-reason`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {t("label")}
      </label>
      {/* One line: the audit log refuses line breaks in a reason, so the field cannot make one. */}
      <input
        id={id}
        type="text"
        name="reason"
        // Required, but checked by the server (its error sits under the field), never by the browser's own bubble.
        aria-required="true"
        maxLength={500}
        defaultValue={defaultValue}
        aria-invalid={messages?.length ? true : undefined}
        aria-describedby={`${id}-hint${messages?.length ? ` ${id}-error` : ""}`}
        className="mt-1 block w-full max-w-lg rounded-md border border-slate-400 px-3 py-2 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700"
      />
      <p id={`${id}-hint`} className={hintClass}>
        {t("hint")}
      </p>
      <FieldError id={`${id}-error`} messages={messages} />
    </div>
  );
}
