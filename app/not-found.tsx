import { NotFoundMessage } from "@/components/not-found-message";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <NotFoundMessage />
    </main>
  );
}
