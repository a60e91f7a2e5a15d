import { SectionSkeleton, SkeletonPage } from "../../skeleton";

/** The overview's shape while it loads, at its final size (measured on the demo at 390 and 1366 px); the layout's title, summary and task buttons are already there. */
export default function Loading() {
  return (
    <SkeletonPage label="Loading the mailbox…">
      <SectionSkeleton title="Overview" height="min-h-[29.75rem] sm:min-h-[13.5rem]" />
    </SkeletonPage>
  );
}
