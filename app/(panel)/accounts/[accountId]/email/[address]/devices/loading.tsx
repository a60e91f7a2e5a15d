import { SectionSkeleton, SkeletonPage } from "../../../skeleton";

/** This task's section while it loads, at its final size (the mailbox's title, summary and task buttons stay). */
export default function Loading() {
  return (
    <SkeletonPage label="Loading the mail app settings…">
      <SectionSkeleton title="Webmail" height="min-h-[8rem]" />
      <SectionSkeleton title="Set up devices" height="min-h-[28rem]" />
    </SkeletonPage>
  );
}
