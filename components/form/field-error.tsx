/** A field's error messages, tied to the input by id (aria-describedby) and announced when they appear. */
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <div id={id} role="alert" className="mt-1 space-y-0.5 text-sm font-medium text-red-800">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}
