import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/not-found-message";

export const metadata: Metadata = { title: "Not found" };

// Inside the panel layout, which already provides the <main> landmark.
export default function NotFound() {
  return (
    <div className="py-10">
      <NotFoundMessage />
    </div>
  );
}
