/**
 * A field's messages, tied to the input by id and announced. Same contract as components/form/field-error.tsx, whose
 * `<ul role="alert">` drops the list role, so axe flags it (aria-allowed-role, listitem): here the alert wraps the list.
 */
export function FieldMessages({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <div id={id} role="alert" className="mt-1 text-sm font-medium text-red-800">
      <ul className="space-y-0.5">
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}
