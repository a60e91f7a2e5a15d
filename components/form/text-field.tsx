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
  maxLength?: number;
  placeholder?: string;
  onChange?: () => void;
  inputRef?: Ref<HTMLInputElement>;
};

/** One labelled text input with its hint and its errors wired by aria-describedby (DESIGN §8). */
export function TextField({ id, name, label, hint, messages, defaultValue, kind = "text", maxLength, placeholder, onChange, inputRef }: Props) {
  const invalid = Boolean(messages?.length);
  const describedBy = [hint ? `${id}-hint` : "", invalid ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        name={name}
        type="text"
        inputMode={kind === "address" ? "email" : undefined}
        autoComplete="off"
        spellCheck={kind === "text"}
        maxLength={maxLength}
        placeholder={placeholder}
        defaultValue={defaultValue}
        onChange={onChange}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        className={`${inputClass}${kind === "text" ? "" : " font-mono"}`}
      />
      {hint ? (
        <p id={`${id}-hint`} className={hintClass}>
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} messages={messages} />
    </div>
  );
}
