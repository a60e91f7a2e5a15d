import { NotFoundMessage } from "@/components/not-found-message";

// Inside the panel layout, which already provides the <main> landmark.
export default function NotFound() {
  return (
    <div className="py-10">
      <NotFoundMessage />
    </div>
  );
}
