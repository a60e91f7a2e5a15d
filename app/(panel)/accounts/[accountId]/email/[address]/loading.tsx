import { SectionSkeleton, SkeletonPage } from "../../skeleton";

/** The overview's shape while it loads (the layout's title, summary and task buttons are already there). */
export default function Loading() {
  return (
    <SkeletonPage label="Loading the mailbox…">
      <SectionSkeleton title="Overview" lines={5} />
    </SkeletonPage>
  );
}
