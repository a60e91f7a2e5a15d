import type { Ref } from "react";
import { FieldError } from "./field-error";
import { hintClass, inputClass } from "./styles";

type Props = {
  id: string;
  name: string;
  label: string;
  hint?: string;
  messages?: string[];
  defaultValue?: string;
  /** Addresses and paths: monospace, no spell check, email keyboard where it helps. */
  kind?: "address" | "code" | "text";
  /** The input's type; `rows` makes it a multi-line field instead. */
  type?: "text" | "email" | "url" | "password";
  rows?: number;
  /** Said to assistive technology; checked by the server (its error shows under the field), not by the browser. */
  required?: boolean;
  autoComplete?: string;
  maxLength?: number;
  placeholder?: string;
  onChange?: () => void;
  inputRef?: Ref<HTMLInputElement>;
};

/** One labelled text input (or multi-line field) with its hint and its errors wired by aria-describedby (DESIGN §8). */
export function TextField({
  id,
  name,
  label,
  hint,
  messages,
  defaultValue,
  kind = "text",
  type = "text",
  rows,
  required,
  autoComplete = "off",
  maxLength,
  placeholder,
  onChange,
  inputRef,
}: Props) {
  const invalid = Boolean(messages?.length);
  const describedBy = [hint ? `${id}-hint` : "", invalid ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const shared = {
    id,
    name,
    maxLength,
    placeholder,
    defaultValue,
    onChange,
    spellCheck: kind === "text",
    "aria-required": required ? (true as const) : undefined,
    "aria-invalid": invalid ? (true as const) : undefined,
    "aria-describedby": describedBy,
    className: `${inputClass}${kind === "text" ? "" : " font-mono"}`,
  };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {rows ? (
        <textarea {...shared} rows={rows} />
      ) : (
        <input
          {...shared}
          ref={inputRef}
          type={type}
          inputMode={kind === "address" && type === "text" ? "email" : undefined}
          autoComplete={autoComplete}
        />
      )}
      {hint ? (
        <p id={`${id}-hint`} className={hintClass}>
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} messages={messages} />
    </div>
  );
}
