/** The look of a form's main button; exported for the few places that render it as a link or a non-submit button. */
export const primaryButtonClass =
  "rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:cursor-not-allowed disabled:opacity-60";

type Props = {
  label: string;
  /** Said while the form's answer is on its way (the button is disabled meanwhile). */
  pendingLabel: string;
  pending: boolean;
  /** Disabled for another reason than pending; say why in the element `describedBy` names. */
  disabled?: boolean;
  describedBy?: string;
  className?: string;
};

/** A form's submit button: disabled while pending, with the pending label, in the shared look. */
export function PrimaryButton({ label, pendingLabel, pending, disabled, describedBy, className }: Props) {
  return (
    <button
      type="submit"
      disabled={pending || disabled}
      aria-describedby={describedBy}
      className={className ? `${primaryButtonClass} ${className}` : primaryButtonClass}
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
